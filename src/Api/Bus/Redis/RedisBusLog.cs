namespace CollectionStore.Api.Bus.Redis;

/// <summary>State transitions of the Redis bus and its catch-up.</summary>
internal static partial class RedisBusLog
{
    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Redis bus connected to {Endpoint} as node {NodeId}")]
    public static partial void Connected(ILogger logger, string endpoint, string nodeId);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Warning, Message = "Redis at {Endpoint} is not reachable ({Problem}); this node runs on local delivery only and polls the store for other nodes' changes until Redis answers")]
    public static partial void Unreachable(ILogger logger, string endpoint, string problem);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Warning, Message = "Redis bus connection lost ({Endpoint}, {ConnectionType}): {Problem}")]
    public static partial void Lost(ILogger logger, System.Net.EndPoint? endpoint, StackExchange.Redis.ConnectionType connectionType, string problem);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Information, Message = "Redis bus connection restored ({Endpoint}, {ConnectionType}); catching up from the store")]
    public static partial void Restored(ILogger logger, System.Net.EndPoint? endpoint, StackExchange.Redis.ConnectionType connectionType);

    [LoggerMessage(EventId = 2105, Level = LogLevel.Information, Message = "Bus catch-up ({Trigger}): store at sequence {Latest}, this node had dispatched {Dispatched}; reading {Missing} changes from the feed")]
    public static partial void CatchingUp(ILogger logger, string trigger, long latest, long dispatched, long missing);

    [LoggerMessage(EventId = 2106, Level = LogLevel.Warning, Message = "Polling the store's latest sequence failed")]
    public static partial void PollFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2107, Level = LogLevel.Debug, Message = "Redis bus not connected; change {Sequence} reaches other nodes through their store poll")]
    public static partial void PublishSkipped(ILogger logger, long sequence);

    [LoggerMessage(EventId = 2108, Level = LogLevel.Warning, Message = "Identity signal for user {UserId} not sent to other nodes: the Redis bus is not connected")]
    public static partial void SignalNotSent(ILogger logger, string userId);

    [LoggerMessage(EventId = 2109, Level = LogLevel.Information, Message = "Identity signal {Kind} for user {UserId} received from node {Origin}")]
    public static partial void SignalReceived(ILogger logger, CollectionStore.Authorization.Identity.IdentitySignalKind kind, string userId, string origin);
}
