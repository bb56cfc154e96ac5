namespace CollectionStore.Api.Transport.Sse.Cluster;

/// <summary>Source-generated log messages of single connection mode across nodes (never a reservation token).</summary>
internal static partial class SseClusterLog
{
    [LoggerMessage(EventId = 4110, Level = LogLevel.Information, Message = "SSE routing listens on node channel of node {NodeId}")]
    public static partial void Listening(ILogger logger, string nodeId);

    [LoggerMessage(EventId = 4111, Level = LogLevel.Warning, Message = "SSE routing cannot reach Redis yet; retrying: {Problem}")]
    public static partial void ListenFailed(ILogger logger, string problem);

    [LoggerMessage(EventId = 4112, Level = LogLevel.Warning, Message = "Redis is unreachable; this SSE reservation works on this node only: {Problem}")]
    public static partial void LocalOnly(ILogger logger, string problem);

    [LoggerMessage(EventId = 4113, Level = LogLevel.Warning, Message = "Node {NodeId} holding an SSE stream did not answer a forwarded request")]
    public static partial void NodeDidNotAnswer(ILogger logger, string nodeId);

    [LoggerMessage(EventId = 4114, Level = LogLevel.Error, Message = "A forwarded SSE request failed on this node")]
    public static partial void ForwardedFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4115, Level = LogLevel.Warning, Message = "An SSE stream's reservation could not be refreshed or released in Redis: {Problem}")]
    public static partial void RefreshFailed(ILogger logger, string problem);

    [LoggerMessage(EventId = 4116, Level = LogLevel.Debug, Message = "An SSE stream claimed a shared reservation; {Count} operation(s) were queued before it")]
    public static partial void Claimed(ILogger logger, int count);

    [LoggerMessage(EventId = 4118, Level = LogLevel.Warning, Message = "The answer to a forwarded SSE request could not be sent back: {Problem}")]
    public static partial void ReplyFailed(ILogger logger, string problem);

    [LoggerMessage(EventId = 4117, Level = LogLevel.Warning, Message = "An unreadable message arrived on the SSE node channel")]
    public static partial void UnreadableMessage(ILogger logger);
}
