using CollectionStore.Authorization.Identity;
using StackExchange.Redis;

namespace CollectionStore.Api.Bus.Redis;

/// <summary>
/// Carries identity signals (sessions revoked, user changed) between nodes: every signal raised here goes out on
/// the <c>identity</c> channel, and every signal from another node is raised here, so each node ends or
/// re-evaluates its own connections. A relayed signal is not sent back out, so nothing echoes.
/// </summary>
internal sealed class RedisIdentityBridge(RedisConnection connection, IdentitySignals signals, ILogger<RedisIdentityBridge> logger)
    : IHostedService, IDisposable
{
    // Signals are raised synchronously, so a flag on the relaying thread tells a relayed signal from a local one.
    [ThreadStatic]
    private static bool _relaying;

    private readonly CancellationTokenSource _stopping = new();
    private readonly RedisChannel _channel = connection.Channel("identity");
    private IDisposable? _local;
    private IConnectionMultiplexer? _multiplexer;
    private ChannelMessageQueue? _queue;
    private Task? _running;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _local = signals.Subscribe(OnLocalSignal);
        _running = Task.Run(() => ConnectAsync(_stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _local?.Dispose();
        await _stopping.CancelAsync();
        if (_running is not null)
        {
            await _running.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        if (_queue is { } queue)
        {
            await queue.UnsubscribeAsync();
        }
    }

    public void Dispose()
    {
        _local?.Dispose();
        _stopping.Dispose();
    }

    private async Task ConnectAsync(CancellationToken cancellationToken)
    {
        try
        {
            var multiplexer = await connection.GetAsync().WaitAsync(cancellationToken);
            _multiplexer = multiplexer;
            _queue = await RedisSubscription.SubscribeAsync(multiplexer, _channel, OnRemoteSignal, static _ => { }, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped before Redis ever answered.
        }
    }

    private void OnLocalSignal(IdentitySignal signal)
    {
        if (_relaying)
        {
            return;
        }

        if (_multiplexer is not { IsConnected: true } multiplexer)
        {
            // The session state is in the store: other nodes see it when their short identity cache expires.
            RedisBusLog.SignalNotSent(logger, signal.UserId);
            return;
        }

        try
        {
            multiplexer.GetSubscriber().Publish(_channel, IdentitySignalCodec.Encode(connection.NodeId, signal), CommandFlags.FireAndForget);
        }
        catch (RedisException)
        {
            RedisBusLog.SignalNotSent(logger, signal.UserId);
        }
    }

    private void OnRemoteSignal(ChannelMessage message)
    {
        if (!IdentitySignalCodec.TryDecode(message.Message, out var origin, out var signal) || origin == connection.NodeId)
        {
            return;
        }

        RedisBusLog.SignalReceived(logger, signal.Kind, signal.UserId, origin);
        _relaying = true;
        try
        {
            signals.Publish(signal);
        }
        finally
        {
            _relaying = false;
        }
    }
}
