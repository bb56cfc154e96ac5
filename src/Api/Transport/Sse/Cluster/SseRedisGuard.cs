using StackExchange.Redis;

namespace CollectionStore.Api.Transport.Sse.Cluster;

/// <summary>
/// Fails fast while Redis is away: a command would otherwise wait for the first connection or in the connection's
/// backlog for its whole timeout, and every SSE request would hang that long before falling back to this node's
/// own answer (long enough for a reservation to expire).
/// </summary>
internal static class SseRedisGuard
{
    private static readonly TimeSpan FirstConnectWait = TimeSpan.FromSeconds(2);

    public static async Task<IConnectionMultiplexer> ConnectedAsync(Task<IConnectionMultiplexer> connecting, CancellationToken cancellationToken)
    {
        IConnectionMultiplexer multiplexer;
        try
        {
            multiplexer = await connecting.WaitAsync(FirstConnectWait, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw NotConnected();
        }

        return multiplexer.IsConnected ? multiplexer : throw NotConnected();
    }

    private static RedisConnectionException NotConnected() =>
        new(ConnectionFailureType.UnableToConnect, CommandFlags.None, "Redis is not connected.", innerException: null, CommandStatus.Unknown);
}
