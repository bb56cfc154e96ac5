namespace CollectionStore.Api.Transport.Sse.Cluster;

/// <summary>The state a script found, and the stream's node when it is <see cref="SseClusterState.Streaming"/>.</summary>
internal readonly record struct SseClusterAnswer(SseClusterState State, string? Node)
{
    private const string StreamPrefix = "stream:";

    public static SseClusterAnswer Parse(string? text) => text switch
    {
        "pending" => new(SseClusterState.Pending, null),
        "duplicate" => new(SseClusterState.Duplicate, null),
        "full" => new(SseClusterState.Full, null),
        "queued" => new(SseClusterState.Queued, null),
        not null when text.StartsWith(StreamPrefix, StringComparison.Ordinal) => new(SseClusterState.Streaming, text[StreamPrefix.Length..]),
        _ => new(SseClusterState.Missing, null),
    };
}
