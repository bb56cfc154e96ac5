using System.Collections.Concurrent;
using System.Text.Json;
using CollectionStore.Api.Bus.Redis;
using StackExchange.Redis;

namespace CollectionStore.Api.Transport.Sse.Cluster;

/// <summary>
/// This node's own Redis channel (<c>sse:node:&lt;nodeId&gt;</c>) for single connection mode: requests forwarded by
/// other nodes to the stream held here (each answered on the sender's channel under its correlation id), replies to
/// the requests this node forwarded, and word that a reservation made here was claimed by another node's stream.
/// Listening never blocks start-up: while Redis is away it keeps trying, and the connection resubscribes itself.
/// </summary>
internal sealed class SseNodeChannel(
    RedisConnection redis,
    SseRemoteRunner runner,
    SseReservations reservations,
    ILogger<SseNodeChannel> logger) : IHostedService, IDisposable
{
    /// <summary>How long a forwarded request may take, the operation's start included, before it counts as lost.</summary>
    public static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(15);

    private static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, TaskCompletionSource<SseForwardedReply>> _waiting = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private Task _listening = Task.CompletedTask;

    public string NodeId => redis.NodeId;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _listening = ListenAsync(_stopping.Token);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _listening.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public void Dispose() => _stopping.Dispose();

    /// <summary>Sends the request to the node holding the stream; null when it did not answer in time.</summary>
    public async Task<SseForwardedReply?> ForwardAsync(string node, SseForwardedRequest request, CancellationToken cancellationToken)
    {
        var correlationId = Guid.NewGuid().ToString("N");
        var waiting = new TaskCompletionSource<SseForwardedReply>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting[correlationId] = waiting;
        try
        {
            var message = new SseNodeMessage(SseNodeMessage.RequestKind, correlationId, redis.NodeId, request, Reply: null, Token: null);
            if (await PublishAsync(node, message, cancellationToken) == 0)
            {
                SseClusterLog.NodeDidNotAnswer(logger, node);
                return null;
            }

            return await waiting.Task.WaitAsync(ReplyTimeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            SseClusterLog.NodeDidNotAnswer(logger, node);
            return null;
        }
        finally
        {
            _waiting.TryRemove(correlationId, out _);
        }
    }

    /// <summary>Tells the node that made a reservation that a stream elsewhere claimed it.</summary>
    public Task NotifyClaimedAsync(string node, string token, CancellationToken cancellationToken) =>
        PublishAsync(node, new SseNodeMessage(SseNodeMessage.ClaimedKind, string.Empty, ReplyTo: null, Request: null, Reply: null, token), cancellationToken);

    private async Task<long> PublishAsync(string node, SseNodeMessage message, CancellationToken cancellationToken)
    {
        var multiplexer = await SseRedisGuard.ConnectedAsync(redis.GetAsync(), cancellationToken);
        return await multiplexer.GetSubscriber().PublishAsync(Channel(node), SseNodeJson.Write(message)).WaitAsync(cancellationToken);
    }

    private RedisChannel Channel(string node) => redis.Channel($"sse:node:{node}");

    private async Task ListenAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var multiplexer = await redis.GetAsync().WaitAsync(cancellationToken);
                await multiplexer.GetSubscriber().SubscribeAsync(Channel(redis.NodeId), (_, value) => Receive(value)).WaitAsync(cancellationToken);
                SseClusterLog.Listening(logger, redis.NodeId);
                return;
            }
            catch (RedisException problem)
            {
                SseClusterLog.ListenFailed(logger, problem.Message);
                await Task.Delay(RetryInterval, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private void Receive(RedisValue value)
    {
        SseNodeMessage? message;
        try
        {
            message = SseNodeJson.Read<SseNodeMessage>(value.ToString());
        }
        catch (JsonException)
        {
            message = null;
        }

        switch (message)
        {
            case { Kind: SseNodeMessage.RequestKind, Request: { } request, ReplyTo: { } replyTo }:
                _ = ServeAsync(message.CorrelationId, replyTo, request);
                break;
            case { Kind: SseNodeMessage.ReplyKind, Reply: { } reply }:
                if (_waiting.TryGetValue(message.CorrelationId, out var waiting))
                {
                    waiting.TrySetResult(reply);
                }

                break;
            case { Kind: SseNodeMessage.ClaimedKind, Token: { } token }:
                reservations.DropUnconnected(token);
                break;
            default:
                SseClusterLog.UnreadableMessage(logger);
                break;
        }
    }

    private async Task ServeAsync(string correlationId, string replyTo, SseForwardedRequest request)
    {
        SseForwardedReply reply;
        try
        {
            reply = await runner.RunAsync(request);
        }
#pragma warning disable CA1031 // The sender waits for an answer; whatever failed here, it gets a 500 instead of a timeout.
        catch (Exception problem)
#pragma warning restore CA1031
        {
            SseClusterLog.ForwardedFailed(logger, problem);
            reply = new SseForwardedReply(StatusCodes.Status500InternalServerError, ContentType: null, Allow: null, []);
        }

        try
        {
            await PublishAsync(replyTo, new SseNodeMessage(SseNodeMessage.ReplyKind, correlationId, ReplyTo: null, Request: null, reply, Token: null), _stopping.Token);
        }
        catch (RedisException problem)
        {
            SseClusterLog.ReplyFailed(logger, problem.Message);
        }
        catch (OperationCanceledException)
        {
            // Shutting down: the sender times out and answers its client.
        }
    }
}
