using CollectionStore.Api.Bus;
using CollectionStore.Api.Bus.Redis;
using CollectionStore.Api.Tests.Cluster.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CollectionStore.Api.Tests.Bus;

/// <summary>The bus contract on a real redis-server, with two buses of distinct node ids playing two nodes.</summary>
[Collection(ClusterGroup.Name)]
public sealed class RedisChangeBusTests : ChangeBusContract, IAsyncLifetime
{
    private readonly List<IAsyncDisposable> _owned = [];
    private RedisServer _redis = null!;

    public async Task InitializeAsync() => _redis = await RedisServer.StartAsync();

    public async Task DisposeAsync()
    {
        foreach (var owned in Enumerable.Reverse(_owned))
        {
            await owned.DisposeAsync();
        }

        await _redis.DisposeAsync();
    }

    [Fact]
    public async Task Publish_OwnNode_ReachesLocalHandlersOnceAndNotAgainThroughRedis()
    {
        var (a, b) = await ConnectAsync();
        var local = new List<long>();
        var remote = new List<long>();
        using var localSubscription = a.Subscribe(n => { lock (local) { local.Add(n.Sequence); } });
        using var remoteSubscription = b.Subscribe(n => { lock (remote) { remote.Add(n.Sequence); } });

        await a.PublishAsync(new ChangeNotice(1, "Note", "n1", null), CancellationToken.None);
        await Infrastructure.Eventually.HoldsAsync(() => { lock (remote) { return remote.Count >= 1; } }, "notice 1 on node b");
        await b.PublishAsync(new ChangeNotice(2, "Note", "n2", null), CancellationToken.None);

        // Notice 2 went out after notice 1 had passed Redis, so an echo of 1 to node a would arrive before 2.
        await Infrastructure.Eventually.HoldsAsync(() => { lock (local) { return local.Count >= 2; } }, "notice 2 on node a");
        lock (local)
        {
            Assert.Equal([1L, 2L], local);
        }
    }

    [Fact]
    public async Task Publish_RedisDown_DeliversLocallyWithoutThrowingAndReportsDisconnected()
    {
        var (a, _) = await ConnectAsync();
        var bus = (RedisChangeBus)a;
        var local = new List<long>();
        using var subscription = a.Subscribe(n => local.Add(n.Sequence));

        await _redis.KillAsync();
        await Infrastructure.Eventually.HoldsAsync(() => bus.State == RedisBusState.Disconnected && bus.LastError is not null, "the bus to notice Redis is gone and record why");
        await a.PublishAsync(new ChangeNotice(5, "Note", "n5", null), CancellationToken.None);

        Assert.Equal([5L], local);
    }

    protected override async Task<(IChangeBus Publisher, IChangeBus Receiver)> ConnectAsync()
    {
        var publisher = await StartBusAsync("node-a");
        var receiver = await StartBusAsync("node-b");
        return (publisher, receiver);
    }

    private async Task<RedisChangeBus> StartBusAsync(string nodeId)
    {
        var options = Options.Create(new RedisBusOptions { ConnectionString = _redis.ConnectionString, NodeId = nodeId, ChannelPrefix = "test" });
        var connection = new RedisConnection(options, NullLoggerFactory.Instance);
        var bus = new RedisChangeBus(connection, TimeProvider.System, NullLogger<RedisChangeBus>.Instance);
        _owned.Add(connection);
        _owned.Add(bus);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await bus.ConnectAsync(timeout.Token);
        Assert.Equal(RedisBusState.Connected, bus.State);
        return bus;
    }
}
