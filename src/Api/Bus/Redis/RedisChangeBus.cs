using System.Collections.Immutable;
using StackExchange.Redis;

namespace CollectionStore.Api.Bus.Redis;

/// <summary>
/// The bus between nodes. A published notice reaches this node's handlers at once (local subscribers never wait
/// for Redis) and goes out on the <c>changes</c> channel as a compact message; notices from other nodes arrive
/// without the change itself, so the engine reads it from the store. Redis pub/sub is at-most-once and may be
/// down: a publish then is skipped rather than queued (the store holds the change), and <see cref="CatchUpNeeded"/>
/// tells the node to compare its position with the store when the connection comes back.
/// </summary>
internal sealed class RedisChangeBus(RedisConnection connection, TimeProvider time, ILogger<RedisChangeBus> logger)
    : IChangeBus, IHostedService, IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private int _disposed;
    private readonly RedisChannel _channel = connection.Channel("changes");
    private ImmutableArray<Action<ChangeNotice>> _handlers = [];
    private IConnectionMultiplexer? _multiplexer;
    private ChannelMessageQueue? _queue;
    private Task? _running;
    private volatile bool _subscribed;
    private volatile bool _attempted;
    private volatile string? _lastError;
    private int _lost;
    private long _lastNoticeAt = time.GetTimestamp();

    /// <summary>Raised (with the trigger's name) when notices may have been missed: after a reconnection or the first subscription.</summary>
    public event Action<string>? CatchUpNeeded;

    public string Kind => "redis";

    public string NodeId => connection.NodeId;

    public string Endpoint => connection.Options.ConnectionString;

    public RedisBusState State => _subscribed && _multiplexer is { IsConnected: true } && Volatile.Read(ref _lost) == 0
        ? RedisBusState.Connected
        : _attempted ? RedisBusState.Disconnected : RedisBusState.Connecting;

    public string? LastError => _lastError;

    /// <summary>How long ago the last notice (local or remote) passed through this bus.</summary>
    public TimeSpan SinceLastNotice => time.GetElapsedTime(Interlocked.Read(ref _lastNoticeAt));

    public ValueTask PublishAsync(ChangeNotice notice, CancellationToken cancellationToken)
    {
        Deliver(notice);
        if (State != RedisBusState.Connected)
        {
            RedisBusLog.PublishSkipped(logger, notice.Sequence);
            return ValueTask.CompletedTask;
        }

        try
        {
            // Fire and forget: the write path never waits for Redis, and nothing piles up while it is slow.
            _multiplexer!.GetSubscriber().Publish(_channel, RedisNoticeCodec.Encode(NodeId, notice), CommandFlags.FireAndForget);
        }
        catch (RedisException)
        {
            RedisBusLog.PublishSkipped(logger, notice.Sequence);
        }

        return ValueTask.CompletedTask;
    }

    public IDisposable Subscribe(Action<ChangeNotice> handler)
    {
        ImmutableInterlocked.Update(ref _handlers, static (list, h) => list.Add(h), handler);
        return new Unsubscriber(this, handler);
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Never blocks start-up: a node whose Redis is down serves its own changes meanwhile.
        _running = Task.Run(() => ConnectAsync(_stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
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

    /// <summary>Connects and subscribes, retrying until Redis answers; returns once subscribed.</summary>
    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        try
        {
            var multiplexer = await connection.GetAsync().WaitAsync(cancellationToken);
            multiplexer.ConnectionFailed += OnConnectionFailed;
            multiplexer.ConnectionRestored += OnConnectionRestored;
            _multiplexer = multiplexer;
            _attempted = true;
            if (!multiplexer.IsConnected)
            {
                RedisBusLog.Unreachable(logger, Endpoint, _lastError ?? "no connection could be made");
            }

            _queue = await RedisSubscription.SubscribeAsync(multiplexer, _channel, OnMessage, ex => _lastError = ex.Message, cancellationToken);
            _subscribed = true;
            RedisBusLog.Connected(logger, Endpoint, NodeId);
            CatchUpNeeded?.Invoke("subscribed");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped before Redis ever answered.
        }
    }

    // The container disposes this instance twice: once as itself and once as the IChangeBus it also is.
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stopping.CancelAsync();
        _stopping.Dispose();
        if (_multiplexer is { } multiplexer)
        {
            multiplexer.ConnectionFailed -= OnConnectionFailed;
            multiplexer.ConnectionRestored -= OnConnectionRestored;
        }
    }

    private void OnMessage(ChannelMessage message)
    {
        if (RedisNoticeCodec.TryDecode(message.Message, out var origin, out var notice) && origin != NodeId)
        {
            Deliver(notice);
        }
    }

    private void Deliver(ChangeNotice notice)
    {
        Interlocked.Exchange(ref _lastNoticeAt, time.GetTimestamp());
        foreach (var handler in _handlers)
        {
            handler(notice);
        }
    }

    private void OnConnectionFailed(object? sender, ConnectionFailedEventArgs args)
    {
        _lastError = args.Exception?.Message ?? args.FailureType.ToString();
        if (Interlocked.Exchange(ref _lost, 1) == 0)
        {
            RedisBusLog.Lost(logger, args.EndPoint, args.ConnectionType, _lastError);
        }
    }

    private void OnConnectionRestored(object? sender, ConnectionFailedEventArgs args)
    {
        Interlocked.Exchange(ref _lost, 0);
        RedisBusLog.Restored(logger, args.EndPoint, args.ConnectionType);
        CatchUpNeeded?.Invoke("restored");
    }

    private sealed class Unsubscriber(RedisChangeBus bus, Action<ChangeNotice> handler) : IDisposable
    {
        public void Dispose() => ImmutableInterlocked.Update(ref bus._handlers, static (list, h) => list.Remove(h), handler);
    }
}
