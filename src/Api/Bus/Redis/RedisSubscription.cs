using StackExchange.Redis;

namespace CollectionStore.Api.Bus.Redis;

/// <summary>
/// Subscribes a handler to one channel, retrying until Redis answers. Once subscribed, the multiplexer itself
/// re-subscribes after every reconnection, and its message queue hands messages over one at a time, in order.
/// </summary>
internal static class RedisSubscription
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(500);

    public static async Task<ChannelMessageQueue> SubscribeAsync(
        IConnectionMultiplexer multiplexer,
        RedisChannel channel,
        Action<ChannelMessage> handler,
        Action<Exception> failed,
        CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                var queue = await multiplexer.GetSubscriber().SubscribeAsync(channel).WaitAsync(cancellationToken);
                queue.OnMessage(handler);
                return queue;
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                failed(ex);
                await Task.Delay(RetryDelay, cancellationToken);
            }
        }
    }
}
