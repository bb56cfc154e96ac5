using Microsoft.Extensions.Options;

namespace CollectionStore.Api.Transport.HttpStreams;

/// <summary>
/// Enforces <c>Subscriptions:MaxStreamsPerClient</c> across every HTTP streaming transport. A client is its remote
/// address until identity exists, then its subject.
/// </summary>
internal sealed class StreamAdmission(IOptions<StreamOptions> options)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, int> _open = new(StringComparer.Ordinal);
    private readonly int _max = options.Value.MaxStreamsPerClient;

    /// <summary>Streams open across all clients (for tests and diagnostics).</summary>
    public int OpenStreams
    {
        get
        {
            lock (_lock)
            {
                return _open.Values.Sum();
            }
        }
    }

    /// <summary>Takes a place for one stream of the request's client; null when the client is at its limit.</summary>
    public StreamLease? TryAcquire(HttpContext context)
    {
        var client = ClientKey(context);
        lock (_lock)
        {
            var open = _open.GetValueOrDefault(client);
            if (open >= _max)
            {
                return null;
            }

            _open[client] = open + 1;
        }

        return new StreamLease(this, client);
    }

    internal void Release(string client)
    {
        lock (_lock)
        {
            var open = _open.GetValueOrDefault(client) - 1;
            if (open <= 0)
            {
                _open.Remove(client);
            }
            else
            {
                _open[client] = open;
            }
        }
    }

    private static string ClientKey(HttpContext context) =>
        context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
