namespace CollectionStore.Api.Transport.Sse.Cluster;

/// <summary>
/// The outcome of claiming a shared reservation for a stream: <see cref="Claimed"/>, the node that reserved it and
/// the requests queued before the stream (oldest first); or why not (missing, or another stream holds it).
/// </summary>
internal sealed record SseClusterClaim(bool Claimed, bool Missing, string? Origin, IReadOnlyList<string> Queued)
{
    public static SseClusterClaim Taken { get; } = new(Claimed: false, Missing: false, Origin: null, []);

    public static SseClusterClaim NotFound { get; } = new(Claimed: false, Missing: true, Origin: null, []);
}
