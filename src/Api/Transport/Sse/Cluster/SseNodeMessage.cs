namespace CollectionStore.Api.Transport.Sse.Cluster;

/// <summary>
/// A message on a node's own channel: a forwarded request (answer to <see cref="ReplyTo"/>), the reply to one of
/// this node's requests (matched by <see cref="CorrelationId"/>), or word that another node's stream claimed a
/// reservation this node made, so its unconnected local copy can go.
/// </summary>
internal sealed record SseNodeMessage(
    string Kind,
    string CorrelationId,
    string? ReplyTo,
    SseForwardedRequest? Request,
    SseForwardedReply? Reply,
    string? Token)
{
    public const string RequestKind = "request";
    public const string ReplyKind = "reply";
    public const string ClaimedKind = "claimed";
}
