using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CollectionStore.Bench.LoadClient;

/// <summary>
/// Opens many subscribers with a bounded number of handshakes in flight, each subscribing once with the
/// variables the scenario gives it. Slow subscribers get a tiny socket receive buffer so that, once paused,
/// the server feels their backlog quickly.
/// </summary>
internal sealed class SubscriberPool : IDisposable
{
    public const string Query = "subscription($w: TaskFilterInput) { taskChanged(where: $w) { kind sequence task { id title done } } }";

    private readonly HttpMessageInvoker _normal = new(Handler(receiveBuffer: null));
    private readonly HttpMessageInvoker _small = new(Handler(receiveBuffer: 4096));
    private readonly List<WsSubscriber> _subscribers = [];

    public IReadOnlyList<WsSubscriber> Subscribers => _subscribers;

    /// <summary>Opens <paramref name="count"/> subscribers; returns the seconds it took until all were subscribed.</summary>
    public async Task<double> OpenAsync(
        Uri wsUri,
        int count,
        LatencyRecorder recorder,
        Func<int, string> variables,
        Func<int, string?> bearer,
        Func<int, bool> smallBuffer,
        CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var opened = new WsSubscriber[count];
        var next = -1;
        var workers = Enumerable.Range(0, Math.Min(64, count)).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var invoker = smallBuffer(i) ? _small : _normal;
                var subscriber = await WsSubscriber.OpenAsync(wsUri, invoker, recorder, bearer(i), cancellationToken);
                opened[i] = subscriber;
                await subscriber.SubscribeAsync("1", Query, variables(i), cancellationToken);
            }
        });
        try
        {
            await Task.WhenAll(workers);
        }
        finally
        {
            _subscribers.AddRange(opened.Where(s => s is not null));
        }

        return Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    public int Errors => _subscribers.Sum(s => s.Errors);

    public string? FirstError => _subscribers.Select(s => s.FirstError).FirstOrDefault(e => e is not null);

    public void Dispose()
    {
        foreach (var subscriber in _subscribers)
        {
            subscriber.Dispose();
        }

        _subscribers.Clear();
        _normal.Dispose();
        _small.Dispose();
    }

    private static SocketsHttpHandler Handler(int? receiveBuffer) => new()
    {
        UseProxy = false,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            if (receiveBuffer is { } size)
            {
                socket.ReceiveBufferSize = size;
            }

            try
            {
                await socket.ConnectAsync(new DnsEndPoint(context.DnsEndPoint.Host, context.DnsEndPoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };
}
