using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CollectionStore.Api.Bus.Redis;

/// <summary>
/// The one Redis connection of this node, shared by the change bus, the identity signals and the SSE
/// single-connection routing. It never blocks start-up: the multiplexer connects (and reconnects) in the
/// background, so a node whose Redis is down still serves its own changes.
/// </summary>
internal sealed class RedisConnection : IAsyncDisposable
{
    private readonly Lazy<Task<IConnectionMultiplexer>> _multiplexer;

    public RedisConnection(IOptions<RedisBusOptions> options, ILoggerFactory loggers)
    {
        Options = options.Value;
        NodeId = string.IsNullOrWhiteSpace(Options.NodeId) ? Guid.NewGuid().ToString("N")[..12] : Options.NodeId;
        _multiplexer = new Lazy<Task<IConnectionMultiplexer>>(() => ConnectAsync(loggers));
    }

    public RedisBusOptions Options { get; }

    /// <summary>This node's name on the bus (unique per process unless configured).</summary>
    public string NodeId { get; }

    /// <summary>The connected (or reconnecting) multiplexer.</summary>
    public Task<IConnectionMultiplexer> GetAsync() => _multiplexer.Value;

    /// <summary>A channel for <paramref name="name"/> under the configured prefix (literal, never a pattern).</summary>
    public RedisChannel Channel(string name) => RedisChannel.Literal($"{Options.ChannelPrefix}:{name}");

    /// <summary>A key for <paramref name="name"/> under the configured prefix.</summary>
    public RedisKey Key(string name) => new($"{Options.ChannelPrefix}:{name}");

    public async ValueTask DisposeAsync()
    {
        if (_multiplexer.IsValueCreated)
        {
            await (await _multiplexer.Value).DisposeAsync();
        }
    }

    private async Task<IConnectionMultiplexer> ConnectAsync(ILoggerFactory loggers)
    {
        var configuration = ConfigurationOptions.Parse(Options.ConnectionString);
        configuration.AbortOnConnectFail = false;
        configuration.ClientName = $"collectionstore-{NodeId}";
        configuration.LoggerFactory = loggers;
        return await ConnectionMultiplexer.ConnectAsync(configuration);
    }
}
