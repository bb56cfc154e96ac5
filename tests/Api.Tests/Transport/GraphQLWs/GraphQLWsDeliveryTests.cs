using System.Text.Json.Nodes;
using CollectionStore.Api.Tests.Infrastructure;
using CollectionStore.Domain.Store;
using Microsoft.Extensions.DependencyInjection;

namespace CollectionStore.Api.Tests.Transport.GraphQLWs;

/// <summary>Delivery over real sockets: isolation between operations and clients, and the slow-consumer cut-off.</summary>
public sealed class GraphQLWsDeliveryTests
{
    private const string TaskTitles = "subscription { taskChanged { sequence task { title } } }";

    [Fact]
    public async Task Subscribe_ErrorInOneOperation_LeavesTheOthersRunning()
    {
        await using var server = await GraphQLWsServer.StartAsync();
        var store = server.Services.GetRequiredService<IDocumentStore>();
        await using var client = await WsClient.ConnectAsync(server.BaseAddress);
        await client.InitAsync();
        await client.SendAsync(Subscribe("good", TaskTitles));
        await GraphQLWsMessageTests.WaitForActiveAsync(server, 1);

        await client.SendAsync(Subscribe("bad", "subscription { taskChanged(since: \"x\") { sequence } }"));
        var error = await client.ReceiveTypeAsync("error");
        await CreateTaskAsync(store, "after");
        var next = await client.ReceiveTypeAsync("next");

        Assert.Equal("bad", (string)error["id"]!);
        Assert.Equal("good", (string)next["id"]!);
        Assert.Equal("after", (string)next["payload"]!["data"]!["taskChanged"]!["task"]!["title"]!);
    }

    [Fact]
    public async Task Complete_WhileStarting_NothingIsSentForThatId()
    {
        await using var server = await GraphQLWsServer.StartAsync();
        var store = server.Services.GetRequiredService<IDocumentStore>();
        await using var client = await WsClient.ConnectAsync(server.BaseAddress);
        await client.InitAsync();
        await client.SendAsync(Subscribe("kept", TaskTitles));
        await GraphQLWsMessageTests.WaitForActiveAsync(server, 1);

        await client.SendAsync(Subscribe("gone", TaskTitles));
        await client.SendAsync(new { id = "gone", type = "complete" });
        await client.SendAsync(new { id = "unknown", type = "complete" });
        await CreateTaskAsync(store, "one");
        var first = await client.ReceiveAsync();
        await client.SendAsync(new { type = "ping" });
        var second = await client.ReceiveAsync();

        Assert.Equal("kept", (string)first!["id"]!);
        Assert.Equal("pong", (string)second!["type"]!);
        await GraphQLWsMessageTests.WaitForActiveAsync(server, 1);
    }

    [Fact]
    public async Task SlowConsumer_StopsReading_GetsSlowConsumerWhileAFastClientGetsEverything()
    {
        const int changes = 300;
        await using var server = await GraphQLWsServer.StartAsync(new Dictionary<string, string?> { ["Subscriptions:SendQueueCapacity"] = "64" });
        var store = server.Services.GetRequiredService<IDocumentStore>();
        await using var slow = await WsClient.ConnectAsync(server.BaseAddress);
        await using var fast = await WsClient.ConnectAsync(server.BaseAddress);
        await slow.InitAsync();
        await fast.InitAsync();
        await slow.SendAsync(Subscribe("slow", TaskTitles));
        await fast.SendAsync(Subscribe("fast", TaskTitles));
        await GraphQLWsMessageTests.WaitForActiveAsync(server, 2);

        var progress = new int[1];
        var fastReader = ReadNextsAsync(fast, changes, progress);
        var title = new string('t', 64 * 1024);
        for (var i = 0; i < changes; i++)
        {
            // The fast client keeps up within a few messages; the slow one never reads.
            var written = i;
            await Eventually.HoldsAsync(() => fastReader.IsCompleted || Volatile.Read(ref progress[0]) >= written - 8);
            await CreateTaskAsync(store, title);
        }

        var fastSequences = await fastReader;
        var slowError = await slow.ReceiveTypeAsync("error");

        Assert.Equal(Enumerable.Range(1, changes).Select(i => (long)i), fastSequences);
        Assert.Equal("slow", (string)slowError["id"]!);
        Assert.Equal("SLOW_CONSUMER", (string)slowError["payload"]![0]!["extensions"]!["code"]!);
        Assert.NotNull(slowError["payload"]![0]!["extensions"]!["sequence"]);
    }

    private static object Subscribe(string id, string query) => new { id, type = "subscribe", payload = new { query } };

    private static Task<WriteResult> CreateTaskAsync(IDocumentStore store, string title) =>
        store.CreateAsync("Task", null, new JsonObject { ["title"] = title, ["projectId"] = "p" }, WriteOptions.Anonymous, CancellationToken.None);

    private static async Task<List<long>> ReadNextsAsync(WsClient client, int count, int[] progress)
    {
        var sequences = new List<long>();
        while (sequences.Count < count)
        {
            var next = await client.ReceiveAsync() ?? throw new InvalidOperationException("The fast client's socket closed.");
            Assert.Equal("next", (string)next["type"]!);
            sequences.Add((long)next["payload"]!["data"]!["taskChanged"]!["sequence"]!);
            Volatile.Write(ref progress[0], sequences.Count);
        }

        return sequences;
    }
}
