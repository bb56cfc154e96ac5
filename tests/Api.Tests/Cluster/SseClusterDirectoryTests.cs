using System.Diagnostics;
using CollectionStore.Api.Bus.Redis;
using CollectionStore.Api.Tests.Cluster.Infrastructure;
using CollectionStore.Api.Transport.HttpStreams;
using CollectionStore.Api.Transport.Sse.Cluster;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CollectionStore.Api.Tests.Cluster;

/// <summary>
/// The shared reservation's atomic steps against a real <c>redis-server</c>, with two nodes' views of it: what a
/// stream's claim takes over, who may remove it, and when it expires.
/// </summary>
public sealed class SseClusterDirectoryTests : IAsyncLifetime
{
    private const string Token = "TTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTT";

    private RedisServer? _redis;
    private readonly List<RedisConnection> _connections = [];

    public async Task InitializeAsync() => _redis = await RedisServer.StartAsync();

    public async Task DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            await connection.DisposeAsync();
        }

        await _redis!.DisposeAsync();
    }

    [Fact]
    public async Task Claim_TakesTheOperationsQueuedBeforeIt_InOrder_AndOnlyOnce()
    {
        var a = await DirectoryAsync("a");
        var b = await DirectoryAsync("b");
        await a.AnnounceAsync(Token, "alice", CancellationToken.None);
        foreach (var id in new[] { "one", "two", "three" })
        {
            Assert.Equal(SseClusterState.Queued, (await a.EnqueueAsync(Token, "alice", id, "request-" + id, 10, CancellationToken.None)).State);
        }

        Assert.Equal(SseClusterState.Pending, (await b.CancelAsync(Token, "alice", "two", CancellationToken.None)).State);
        var claim = await b.ClaimAsync(Token, "alice", CancellationToken.None);
        var again = await a.ClaimAsync(Token, "alice", CancellationToken.None);
        var late = await a.EnqueueAsync(Token, "alice", "four", "request-four", 10, CancellationToken.None);

        Assert.True(claim.Claimed);
        Assert.Equal("a", claim.Origin);
        Assert.Equal(["request-one", "request-three"], claim.Queued);
        Assert.False(again.Claimed);
        Assert.False(again.Missing);
        Assert.Equal(new SseClusterAnswer(SseClusterState.Streaming, "b"), late);
    }

    [Fact]
    public async Task Enqueue_ADuplicateOrOneTooMany_IsRefused_AndAnotherOwnerSeesNothing()
    {
        var a = await DirectoryAsync("a");
        await a.AnnounceAsync(Token, owner: null, CancellationToken.None);
        await a.EnqueueAsync(Token, null, "one", "r", 2, CancellationToken.None);

        var duplicate = await a.EnqueueAsync(Token, null, "one", "r", 2, CancellationToken.None);
        await a.EnqueueAsync(Token, null, "two", "r", 2, CancellationToken.None);
        var full = await a.EnqueueAsync(Token, null, "three", "r", 2, CancellationToken.None);
        var stranger = await a.EnqueueAsync(Token, "mallory", "four", "r", 2, CancellationToken.None);
        var strangerClaim = await a.ClaimAsync(Token, "mallory", CancellationToken.None);

        Assert.Equal(SseClusterState.Duplicate, duplicate.State);
        Assert.Equal(SseClusterState.Full, full.State);
        Assert.Equal(SseClusterState.Missing, stranger.State);
        Assert.True(strangerClaim.Missing);
    }

    [Fact]
    public async Task Release_OnlyByTheStreamsNode_RemovesTheReservation()
    {
        var a = await DirectoryAsync("a");
        var b = await DirectoryAsync("b");
        await a.AnnounceAsync(Token, "alice", CancellationToken.None);
        await b.ClaimAsync(Token, "alice", CancellationToken.None);

        await a.ReleaseAsync(Token, CancellationToken.None);
        var afterOther = await a.LocateAsync(Token, "alice", CancellationToken.None);
        await b.ReleaseAsync(Token, CancellationToken.None);
        var afterOwn = await a.LocateAsync(Token, "alice", CancellationToken.None);

        Assert.Equal(new SseClusterAnswer(SseClusterState.Streaming, "b"), afterOther);
        Assert.Equal(SseClusterState.Missing, afterOwn.State);
    }

    [Fact]
    public async Task Reservation_WithoutAClaim_ExpiresAfterTheReservationTimeout()
    {
        var a = await DirectoryAsync("a", TimeSpan.FromMilliseconds(300));
        await a.AnnounceAsync(Token, "alice", CancellationToken.None);
        Assert.Equal(SseClusterState.Pending, (await a.LocateAsync(Token, "alice", CancellationToken.None)).State);

        var watch = Stopwatch.StartNew();
        while ((await a.LocateAsync(Token, "alice", CancellationToken.None)).State != SseClusterState.Missing)
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), "The reservation did not expire.");
            await Task.Delay(20);
        }
    }

    private async Task<SseClusterDirectory> DirectoryAsync(string nodeId, TimeSpan? reservationTimeout = null)
    {
        var connection = new RedisConnection(
            Options.Create(new RedisBusOptions { ConnectionString = _redis!.ConnectionString, NodeId = nodeId, ChannelPrefix = "test" }),
            NullLoggerFactory.Instance);
        _connections.Add(connection);

        // Connected before use: while the first connection is still being made, the directory reports Redis away.
        await connection.GetAsync();
        return new SseClusterDirectory(connection, Options.Create(new StreamOptions { ReservationTimeout = reservationTimeout ?? TimeSpan.FromMinutes(1) }));
    }
}
