using System.Diagnostics;
using CollectionStore.Api.Tests.Cluster.Infrastructure;
using CollectionStore.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace CollectionStore.Api.Tests.Cluster;

/// <summary>Redis outages and identity signals across two API processes.</summary>
[Collection(ClusterGroup.Name)]
public sealed class ScaleOutFaultTests(ITestOutputHelper output)
{
    [Fact]
    public async Task RedisKilledForFiveSeconds_WritesContinueThroughBothNodes_EverySubscriberEndsComplete()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var nodes = await TwoNodes.StartAsync(redis.ConnectionString);
        await ClusterChecks.WaitUntilBusConnectedAsync(nodes.A, nodes.B);
        var subscribers = await ScaleOutDeliveryTests.OpenAsync(
            (nodes.A, "graphql-ws", "A"), (nodes.B, "graphql-ws", "B"), (nodes.B, "sse", "B"), (nodes.A, "multipart", "A"));
        try
        {
            var baseline = await ClusterChecks.WarmUpAsync(nodes.A, subscribers);
            using var stop = new CancellationTokenSource();
            var written = 0;
            var writers = new[] { nodes.A, nodes.B }.Select(node => Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    await TwoNodes.CreateNoteAsync(node, "during outage");
                    Interlocked.Increment(ref written);
                }
            })).ToArray();
            await Eventually.HoldsAsync(() => Volatile.Read(ref written) >= 100, "100 writes before the outage");

            await redis.KillAsync();
            var writtenAtKill = Volatile.Read(ref written);
            await Task.Delay(TimeSpan.FromSeconds(5)); // The outage itself: writes go on through both nodes meanwhile.
            await stop.CancelAsync();
            await Task.WhenAll(writers);
            output.WriteLine($"writes: {writtenAtKill} before the outage, {written - writtenAtKill} during it");

            await redis.StartAgainAsync();
            var restarted = Stopwatch.StartNew();
            await ClusterChecks.WaitUntilBusConnectedAsync(nodes.A, nodes.B);
            output.WriteLine($"both buses connected again {restarted.ElapsedMilliseconds} ms after the Redis restart");

            // After the restart, changes flow through Redis again: one more write through each node.
            await TwoNodes.CreateNoteAsync(nodes.A, "after restart A");
            await TwoNodes.CreateNoteAsync(nodes.B, "after restart B");
            await ClusterChecks.AssertCompleteAsync(subscribers, baseline, written + 2, TimeSpan.FromSeconds(30));
            output.WriteLine($"catch-up: every subscriber complete ({written + 2} changes) {restarted.ElapsedMilliseconds} ms after the Redis restart");
            Assert.Contains(nodes.A.Output.Concat(nodes.B.Output), line => line.Contains("connection lost", StringComparison.Ordinal));
        }
        finally
        {
            await ScaleOutDeliveryTests.DisposeAllAsync(subscribers);
        }
    }

    [Fact]
    public async Task Logout_ThroughNodeA_EndsTheUsersGraphQLWsConnectionOnNodeBWithinTwoSeconds()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var nodes = await TwoNodes.StartAsync(redis.ConnectionString);
        await ClusterChecks.WaitUntilBusConnectedAsync(nodes.A, nodes.B);
        var token = await TwoNodes.LoginAdminAsync(nodes.A);
        await using var client = await WsClient.ConnectAsync(nodes.B.BaseUrl);
        await client.InitAsync(new { Authorization = $"Bearer {token}" });

        // The acknowledged connection is tracked on node B from here on; the revocation must reach it from node A.
        using var http = new HttpClient { BaseAddress = nodes.A.BaseUrl };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        var watch = Stopwatch.StartNew();
        var logout = await GraphQLHttp.PostJsonAsync(http, new { query = "mutation { logout }" });
        Assert.True(logout.Json.GetProperty("data").GetProperty("logout").GetBoolean(), logout.Text);
        var (code, _) = await client.ReceiveCloseAsync();
        output.WriteLine($"node B closed the connection {watch.ElapsedMilliseconds} ms after the logout request through node A");

        Assert.Equal(4403, code);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task RedisNeverStarted_NodeServesLocalChanges_HealthDegradedAndLogNamesRedis()
    {
        var endpoint = $"127.0.0.1:{FreePort.Next()}";
        await using var nodes = await TwoNodes.StartAsync(endpoint);
        var subscribers = await ScaleOutDeliveryTests.OpenAsync((nodes.A, "graphql-ws", "A"));
        try
        {
            var baseline = await ClusterChecks.WarmUpAsync(nodes.A, subscribers);
            await TwoNodes.CreateNoteAsync(nodes.A, "local");
            await ClusterChecks.AssertCompleteAsync(subscribers, baseline, 1, TimeSpan.FromSeconds(10));

            var (status, body) = await ClusterChecks.HealthAsync(nodes.A);
            Assert.Equal(200, status);
            Assert.Equal("Degraded", body.GetProperty("status").GetString());
            var bus = body.GetProperty("dependencies").GetProperty("bus");
            Assert.Equal(("Degraded", "redis"), (bus.GetProperty("status").GetString(), bus.GetProperty("kind").GetString()));

            // The first connection attempt runs for the connect timeout; after it the bus reports itself disconnected.
            bus = await ClusterChecks.WaitForBusStateAsync(nodes.A, "disconnected");
            Assert.False(string.IsNullOrEmpty(bus.GetProperty("lastError").GetString()));
            await Eventually.HoldsAsync(
                () => nodes.A.Output.Any(line => line.Contains(endpoint, StringComparison.Ordinal) && line.Contains("local delivery only", StringComparison.Ordinal)),
                "the warning naming Redis",
                TimeSpan.FromSeconds(20));
        }
        finally
        {
            await ScaleOutDeliveryTests.DisposeAllAsync(subscribers);
        }
    }

    [Fact]
    public async Task Nodes_StoppedWithSigterm_ShutDownCleanly()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var nodes = await TwoNodes.StartAsync(redis.ConnectionString);
        await TwoNodes.CreateNoteAsync(nodes.A, "before shutdown");

        Assert.Equal(0, await nodes.A.StopAsync());
        Assert.Equal(0, await nodes.B.StopAsync());
        Assert.DoesNotContain(nodes.A.Output.Concat(nodes.B.Output), line => line.Contains("Unhandled exception", StringComparison.Ordinal));
    }
}
