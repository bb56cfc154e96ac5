using System.Diagnostics;
using System.Net;
using CollectionStore.Api.Tests.Cluster.Infrastructure;
using CollectionStore.Api.Tests.Infrastructure;
using CollectionStore.Tests.Postgres;
using Xunit.Abstractions;

namespace CollectionStore.Api.Tests.Cluster;

/// <summary>
/// Two API processes on one PostgreSQL database and one Redis, each in a directory of its own with nothing shared on
/// disk, as on two hosts: every change reaches every subscriber on both nodes, a database restart loses nothing, and
/// nodes starting one after the other or at once share one migrated store. Each test runs its own throw-away
/// PostgreSQL cluster, so neither its connections nor a restart touch the cluster the rest of the suite shares.
/// </summary>
[Collection(ClusterGroup.Name)]
public sealed class ScaleOutPostgresTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private static readonly object Resume = new { query = "subscription($s: Long) { noteChanged(since: $s) { sequence } }", variables = new { s = 0 } };

    [Fact]
    public async Task TwoNodesOnPostgres_ThousandConcurrentWritesThroughBoth_EverySubscriberReceivesTheFeedInOrderOnce()
    {
        await using var postgres = await PostgresServer.StartAsync();
        var database = await postgres.CreateDatabaseAsync();
        await using var redis = await RedisServer.StartAsync();
        await using var nodes = await TwoNodes.StartAsync(redis.ConnectionString, ClusterStore.PostgreSql(database));
        await ClusterChecks.WaitUntilBusConnectedAsync(nodes.A, nodes.B);
        var subscribers = await ScaleOutDeliveryTests.OpenAsync(
            (nodes.A, "graphql-ws", "A"), (nodes.B, "graphql-ws", "B"), (nodes.B, "sse", "B"), (nodes.B, "multipart", "B"));
        try
        {
            var baseline = await ClusterChecks.WarmUpAsync(nodes.A, subscribers);

            // Four writers per node, 125 notes each.
            var watch = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, 8).Select(writer => WriteAsync(writer % 2 == 0 ? nodes.A : nodes.B, writer, 125)))
                .WaitAsync(Deadline);
            output.WriteLine($"1000 writes through both nodes took {watch.ElapsedMilliseconds} ms");

            var feed = await PostgresFeed.SequencesAfterAsync(database, baseline);
            Assert.Equal(1000, feed.Count);
            await ClusterChecks.AssertFeedReachedAsync(subscribers, baseline, feed, Deadline);
            output.WriteLine($"every subscriber received the feed's {feed.Count} changes ({baseline + 1}..{feed[^1]}) {watch.ElapsedMilliseconds} ms after the first write");
            WriteDeliveries(subscribers, baseline);
        }
        finally
        {
            await ScaleOutDeliveryTests.DisposeAllAsync(subscribers);
        }
    }

    [Fact]
    public async Task PostgresRestart_DuringWritesThroughBothNodes_RefusesWith503ThenEverySubscriberEndsWithTheFeed()
    {
        await using var postgres = await PostgresServer.StartAsync();
        var database = await postgres.CreateDatabaseAsync();
        await using var redis = await RedisServer.StartAsync();
        await using var nodes = await TwoNodes.StartAsync(redis.ConnectionString, ClusterStore.PostgreSql(database));
        await ClusterChecks.WaitUntilBusConnectedAsync(nodes.A, nodes.B);
        var (tokenA, tokenB) = (await TwoNodes.LoginAdminAsync(nodes.A), await TwoNodes.LoginAdminAsync(nodes.B));
        var subscribers = await ScaleOutDeliveryTests.OpenAsync(
            (nodes.A, "graphql-ws", "A"), (nodes.B, "graphql-ws", "B"), (nodes.B, "sse", "B"), (nodes.A, "multipart", "A"));
        var clock = Stopwatch.StartNew();
        var writers = new List<RecordingWriter>();
        try
        {
            var baseline = await ClusterChecks.WarmUpAsync(nodes.A, subscribers);

            // Two writers per node: one anonymous, one signed in (its requests need the identity tables too).
            writers.AddRange(
            [
                RecordingWriter.Start(nodes.A, "a-anonymous", clock), RecordingWriter.Start(nodes.A, "a-admin", clock, tokenA),
                RecordingWriter.Start(nodes.B, "b-anonymous", clock), RecordingWriter.Start(nodes.B, "b-admin", clock, tokenB),
            ]);
            await Eventually.HoldsAsync(() => writers.Sum(w => w.Count(WriteOutcome.Created)) >= 200, "200 writes before the outage", Deadline);

            var stoppedAt = clock.Elapsed;
            await postgres.StopAsync(immediate: true).WaitAsync(Deadline);
            await Eventually.HoldsAsync(
                () => new[] { nodes.A, nodes.B }.All(node => writers.Where(w => w.Node == node).Sum(w => w.Count(WriteOutcome.Refused)) > 0),
                "a write refused with 503 through each node",
                TimeSpan.FromSeconds(20));

            var restartingAt = clock.Elapsed;
            await postgres.StartAgainAsync().WaitAsync(Deadline);
            var restartedAt = clock.Elapsed;
            await Eventually.HoldsAsync(() => writers.All(w => w.Count(WriteOutcome.Created, restartedAt) >= 20), "20 writes through every writer after the restart", Deadline);
            foreach (var writer in writers)
            {
                await writer.StopAsync();
            }

            var writersStopped = Stopwatch.StartNew();
            var answers = writers.SelectMany(w => w.Answers).ToList();
            Assert.Empty(answers.Where(a => a.Outcome == WriteOutcome.Other).Select(a => $"{a.Text}: {a.Status} {a.Body}"));
            var refused = answers.Where(a => a.Outcome == WriteOutcome.Refused).ToList();
            Assert.NotEmpty(refused);
            var created = answers.Where(a => a.Outcome == WriteOutcome.Created).ToList();

            // Nothing commits while the database is down: the gap between the last write created before the restart
            // began and the first one after it is how long writes were unavailable.
            var lastBefore = created.Where(a => a.At < restartingAt).Max(a => a.At);
            var firstAfter = created.Where(a => a.At > restartingAt).Min(a => a.At);
            output.WriteLine(
                $"PostgreSQL down {(restartedAt - stoppedAt).TotalMilliseconds:F0} ms (stop to accepting connections again); "
                + $"writes unavailable {(firstAfter - lastBefore).TotalMilliseconds:F0} ms (last write created before the restart to the first after it)");
            output.WriteLine(
                $"writes: {created.Count} created, {refused.Count} refused with 503 STORE_UNAVAILABLE "
                + $"({string.Join(", ", writers.Select(w => $"{w.Name} {w.Count(WriteOutcome.Refused)}"))}), none answered otherwise");

            // Every acknowledged write is in the store; a refused one may have committed just before the connection broke.
            var stored = await ClusterChecks.ReadNoteIdsAsync(nodes.B);
            Assert.Empty(created.Where(a => !stored.Contains(a.Id!)).Select(a => a.Text));
            var feed = await PostgresFeed.SequencesAfterAsync(database, baseline);
            Assert.InRange(feed.Count, created.Count, created.Count + refused.Count);

            await ClusterChecks.AssertFeedReachedAsync(subscribers, baseline, feed, Deadline);
            output.WriteLine($"every subscriber received the feed's {feed.Count} changes ({baseline + 1}..{feed[^1]}), complete {writersStopped.ElapsedMilliseconds} ms after the writers stopped");
            WriteDeliveries(subscribers, baseline);
            Assert.True(nodes.A.IsRunning && nodes.B.IsRunning, "a node exited while PostgreSQL was down");
        }
        finally
        {
            foreach (var writer in writers)
            {
                await writer.DisposeAsync();
            }

            await ScaleOutDeliveryTests.DisposeAllAsync(subscribers);
        }
    }

    [Fact]
    public async Task RequestsNeedingTheStore_WhilePostgresIsDown_AnswerStoreUnavailableInsteadOfInternalErrors()
    {
        await using var postgres = await PostgresServer.StartAsync();
        await using var redis = await RedisServer.StartAsync();
        await using var nodes = await TwoNodes.StartAsync(redis.ConnectionString, ClusterStore.PostgreSql(await postgres.CreateDatabaseAsync()));
        var token = await TwoNodes.LoginAdminAsync(nodes.A);
        using var admin = new HttpClient { BaseAddress = nodes.A.BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
        admin.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var typename = new { query = "{ __typename }" };
        Assert.Equal(HttpStatusCode.OK, (await GraphQLHttp.PostJsonAsync(admin, typename)).Status);

        await postgres.StopAsync(immediate: true).WaitAsync(Deadline);

        // The node keeps a session's state for a few seconds; once that copy is stale, it must ask the database.
        var watch = Stopwatch.StartNew();
        var answer = await FirstAnswerAsync(admin, typename, a => a.Status != HttpStatusCode.OK);
        output.WriteLine($"a signed-in request answered {(int)answer.Status} {watch.ElapsedMilliseconds} ms after PostgreSQL stopped: {answer.Text}");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.Status);
        Assert.Equal("STORE_UNAVAILABLE", answer.FirstErrorCode);
        Assert.NotNull(answer.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, (await GraphQLHttp.PostJsonAsync(nodes.A.Client, typename)).Status);

        // A WebSocket whose connection_init carries the token is closed with "Try Again Later", which clients retry.
        await using (var graphQLWs = await WsClient.ConnectAsync(nodes.A.BaseUrl))
        {
            await graphQLWs.SendAsync(new { type = "connection_init", payload = new { Authorization = $"Bearer {token}" } });
            Assert.Equal(1013, (await graphQLWs.ReceiveCloseAsync()).Code);
        }

        await using (var legacy = await WsClient.ConnectAsync(nodes.A.BaseUrl, subProtocol: "graphql-ws"))
        {
            await legacy.SendAsync(new { type = "connection_init", payload = new { Authorization = $"Bearer {token}" } });
            Assert.Equal("connection_error", (string?)(await legacy.ReceiveAsync())!["type"]);
            Assert.Equal(1013, (await legacy.ReceiveCloseAsync()).Code);
        }

        // A resume needs the change feed: it fails with a code the client can retry on.
        await using (var resuming = await WsClient.ConnectAsync(nodes.A.BaseUrl))
        {
            await resuming.InitAsync();
            await resuming.SendAsync(new { id = "1", type = "subscribe", payload = Resume });
            var error = await resuming.ReceiveTypeAsync("error");
            Assert.Equal("STORE_UNAVAILABLE", (string?)error["payload"]![0]!["extensions"]!["code"]);
        }

        await postgres.StartAgainAsync().WaitAsync(Deadline);
        var back = await FirstAnswerAsync(admin, typename, a => a.Status == HttpStatusCode.OK);
        Assert.Equal("Query", back.Json.GetProperty("data").GetProperty("__typename").GetString());
        await TwoNodes.CreateNoteAsync(nodes.A, "after the restart");
        await using (var again = await WsClient.ConnectAsync(nodes.A.BaseUrl))
        {
            await again.InitAsync(new { Authorization = $"Bearer {token}" });
            await again.SendAsync(new { id = "1", type = "subscribe", payload = Resume });
            Assert.Equal(1, (long)(await again.ReceiveTypeAsync("next"))["payload"]!["data"]!["noteChanged"]!["sequence"]!);
        }

        Assert.True(nodes.A.IsRunning, "the node exited while PostgreSQL was down");
    }

    [Fact]
    public async Task NodeStartedSecond_OnAnAlreadyMigratedDatabase_StartsAndSharesTheStore()
    {
        await using var postgres = await PostgresServer.StartAsync();
        var database = await postgres.CreateDatabaseAsync();
        await using var redis = await RedisServer.StartAsync();
        await using var nodes = await TwoNodes.StartAsync(redis.ConnectionString, ClusterStore.PostgreSql(database));

        await AssertOneStoreAsync(nodes, database);
    }

    [Fact]
    public async Task TwoNodes_StartedAtTheSameMomentOnAnEmptyDatabase_BothStartAndShareTheStore()
    {
        await using var postgres = await PostgresServer.StartAsync();
        var database = await postgres.CreateDatabaseAsync();
        await using var redis = await RedisServer.StartAsync();
        var watch = Stopwatch.StartNew();
        await using var nodes = await TwoNodes.StartAsync(redis.ConnectionString, ClusterStore.PostgreSql(database), together: true);
        output.WriteLine($"both nodes served /health {watch.ElapsedMilliseconds} ms after they were started together");

        await AssertOneStoreAsync(nodes, database);
    }

    /// <summary>
    /// Both nodes serve one store: one of them created the bootstrap admin and either signs it in, and notes written
    /// through both reach a subscriber on each as one gap-free feed.
    /// </summary>
    private static async Task AssertOneStoreAsync(TwoNodes nodes, string database)
    {
        var created = new[] { nodes.A, nodes.B }.Count(n => n.Output.Any(line => line.Contains("Created the first admin user", StringComparison.Ordinal)));
        Assert.Equal(1, created);
        await TwoNodes.LoginAdminAsync(nodes.A);
        await TwoNodes.LoginAdminAsync(nodes.B);

        await ClusterChecks.WaitUntilBusConnectedAsync(nodes.A, nodes.B);
        var subscribers = await ScaleOutDeliveryTests.OpenAsync((nodes.A, "graphql-ws", "A"), (nodes.B, "graphql-ws", "B"));
        try
        {
            var baseline = await ClusterChecks.WarmUpAsync(nodes.B, subscribers);
            for (var i = 0; i < 10; i++)
            {
                await TwoNodes.CreateNoteAsync(i % 2 == 0 ? nodes.A : nodes.B, $"note {i}");
            }

            var feed = await PostgresFeed.SequencesAfterAsync(database, baseline);
            Assert.Equal(10, await ClusterChecks.AssertFeedReachedAsync(subscribers, baseline, feed, Deadline));
            var (throughA, throughB) = (await ClusterChecks.ReadNoteIdsAsync(nodes.A), await ClusterChecks.ReadNoteIdsAsync(nodes.B));
            Assert.True(throughA.SetEquals(throughB), $"node A lists {throughA.Count} notes, node B {throughB.Count}");
        }
        finally
        {
            await ScaleOutDeliveryTests.DisposeAllAsync(subscribers);
        }

        Assert.True(nodes.A.IsRunning && nodes.B.IsRunning, "a node exited");
    }

    /// <summary>Sends <paramref name="body"/> until an answer satisfies <paramref name="wanted"/>, for at most 30 seconds.</summary>
    private static async Task<GraphQLResponse> FirstAnswerAsync(HttpClient client, object body, Func<GraphQLResponse, bool> wanted)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var answer = await GraphQLHttp.PostJsonAsync(client, body);
            if (wanted(answer))
            {
                return answer;
            }

            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"Still answered {(int)answer.Status} after 30 s: {answer.Text}");
            await Task.Delay(50);
        }
    }

    private static async Task WriteAsync(ClusterNode node, int writer, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await TwoNodes.CreateNoteAsync(node, $"w{writer}-{i}");
        }
    }

    private void WriteDeliveries(IEnumerable<ClusterSubscriber> subscribers, long baseline) =>
        output.WriteLine("delivered: " + string.Join(", ", subscribers.Select(s => $"{s.Name} {s.Sequences.Count(q => q > baseline)}")));
}
