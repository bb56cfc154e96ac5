using System.Text.Json.Nodes;
using CollectionStore.Api.Subscriptions;
using CollectionStore.Api.Tests.Infrastructure;
using CollectionStore.Domain.Store;
using Microsoft.Extensions.DependencyInjection;

namespace CollectionStore.Api.Tests.Transport.GraphQLWs;

public sealed class GraphQLWsMessageTests
{
    [Fact]
    public async Task ConnectionInit_WithPayload_IsAcknowledgedWithoutPayload()
    {
        await using var server = await GraphQLWsServer.StartAsync();
        await using var client = await WsClient.ConnectAsync(server.BaseAddress);

        await client.SendAsync(new { type = "connection_init", payload = new { hello = "world" } });
        var ack = await client.ReceiveAsync();

        Assert.Equal("""{"type":"connection_ack"}""", ack!.ToJsonString());
        Assert.Equal("graphql-transport-ws", client.SubProtocol);
    }

    [Fact]
    public async Task Ping_BeforeAck_IsAnsweredWithPongEchoingThePayload()
    {
        await using var server = await GraphQLWsServer.StartAsync();
        await using var client = await WsClient.ConnectAsync(server.BaseAddress);

        await client.SendAsync(new { type = "ping", payload = new { n = 1 } });

        Assert.Equal("""{"type":"pong","payload":{"n":1}}""", (await client.ReceiveAsync())!.ToJsonString());
    }

    [Fact]
    public async Task Query_OverTheSocket_SendsOneNextThenComplete()
    {
        await using var server = await GraphQLWsServer.StartAsync();
        await using var client = await WsClient.ConnectAsync(server.BaseAddress);
        await client.InitAsync();

        await client.SendAsync(new { id = "q", type = "subscribe", payload = new { query = "{ projects { totalCount } }" } });

        Assert.Equal("""{"id":"q","type":"next","payload":{"data":{"projects":{"totalCount":0}}}}""", (await client.ReceiveAsync())!.ToJsonString());
        Assert.Equal("""{"id":"q","type":"complete"}""", (await client.ReceiveAsync())!.ToJsonString());
    }

    [Fact]
    public async Task Mutation_OverTheSocket_WritesAndSendsTheResult()
    {
        await using var server = await GraphQLWsServer.StartAsync();
        await using var client = await WsClient.ConnectAsync(server.BaseAddress);
        await client.InitAsync();

        await client.SendAsync(new { id = "m", type = "subscribe", payload = new { query = "mutation { createProject(input: { name: \"ws\", ownerId: \"o\" }) { name } }" } });

        Assert.Equal("ws", (string)(await client.ReceiveTypeAsync("next"))["payload"]!["data"]!["createProject"]!["name"]!);
        await client.ReceiveTypeAsync("complete");
    }

    [Fact]
    public async Task Subscribe_InvalidDocument_SendsErrorAndKeepsTheSocket()
    {
        await using var server = await GraphQLWsServer.StartAsync();
        await using var client = await WsClient.ConnectAsync(server.BaseAddress);
        await client.InitAsync();

        await client.SendAsync(new { id = "bad", type = "subscribe", payload = new { query = "subscription { noSuchField }" } });
        var error = await client.ReceiveAsync();
        await client.SendAsync(new { type = "ping" });

        Assert.Equal("error", (string)error!["type"]!);
        Assert.Equal("bad", (string)error["id"]!);
        Assert.NotEmpty(error["payload"]!.AsArray());
        Assert.Equal("pong", (string)(await client.ReceiveAsync())!["type"]!);
    }

    [Fact]
    public async Task Subscription_ChangesAndComplete_DeliversUntilCompletedAndAllowsIdReuse()
    {
        await using var server = await GraphQLWsServer.StartAsync();
        var store = server.Services.GetRequiredService<IDocumentStore>();
        await using var client = await WsClient.ConnectAsync(server.BaseAddress);
        await client.InitAsync();
        var subscribe = new { id = "s", type = "subscribe", payload = new { query = "subscription { projectChanged { kind project { name } } }" } };

        await client.SendAsync(subscribe);
        await WaitForActiveAsync(server, 1);
        await store.CreateAsync("Project", null, new JsonObject { ["name"] = "one", ["ownerId"] = "o" }, WriteOptions.Anonymous, CancellationToken.None);
        var next = await client.ReceiveTypeAsync("next");
        await client.SendAsync(new { id = "s", type = "complete" });
        await WaitForActiveAsync(server, 0);
        await client.SendAsync(subscribe);
        await WaitForActiveAsync(server, 1);
        await store.CreateAsync("Project", null, new JsonObject { ["name"] = "two", ["ownerId"] = "o" }, WriteOptions.Anonymous, CancellationToken.None);
        var again = await client.ReceiveTypeAsync("next");

        Assert.Equal("""{"id":"s","type":"next","payload":{"data":{"projectChanged":{"kind":"ADDED","project":{"name":"one"}}}}}""", next.ToJsonString());
        Assert.Equal("two", (string)again["payload"]!["data"]!["projectChanged"]!["project"]!["name"]!);
    }

    [Fact]
    public async Task Subscribe_OverTheOperationLimit_SendsTooManyOperationsAndKeepsTheSocket()
    {
        await using var server = await GraphQLWsServer.StartAsync(new Dictionary<string, string?> { ["Subscriptions:MaxOperationsPerConnection"] = "1" });
        await using var client = await WsClient.ConnectAsync(server.BaseAddress);
        await client.InitAsync();

        await client.SendAsync(new { id = "1", type = "subscribe", payload = new { query = "subscription { taskChanged { sequence } }" } });
        await client.SendAsync(new { id = "2", type = "subscribe", payload = new { query = "subscription { taskChanged { sequence } }" } });
        var error = await client.ReceiveTypeAsync("error");

        Assert.Equal("2", (string)error["id"]!);
        Assert.Equal("TOO_MANY_OPERATIONS", (string)error["payload"]![0]!["extensions"]!["code"]!);
        await client.SendAsync(new { type = "ping" });
        await client.ReceiveTypeAsync("pong");
    }

    [Fact]
    public async Task Disconnect_WithLiveSubscriptions_ReleasesEverything()
    {
        await using var server = await GraphQLWsServer.StartAsync();
        var metrics = server.Services.GetRequiredService<SubscriptionMetrics>();
        var client = await WsClient.ConnectAsync(server.BaseAddress);
        await client.InitAsync();
        await client.SendAsync(new { id = "1", type = "subscribe", payload = new { query = "subscription { taskChanged { sequence } }" } });
        await client.SendAsync(new { id = "2", type = "subscribe", payload = new { query = "subscription { projectChanged { sequence } }" } });
        await WaitForActiveAsync(server, 2);

        client.Socket.Abort();
        await client.DisposeAsync();
        await Eventually.HoldsAsync(() => metrics.Active == 0 && metrics.Cohorts == 0 && metrics.Connections == 0);

        Assert.Equal(0, metrics.Connections);
    }

    internal static Task WaitForActiveAsync(ApiServer server, int count)
    {
        var metrics = server.Services.GetRequiredService<SubscriptionMetrics>();
        return Eventually.HoldsAsync(() => metrics.Active == count);
    }
}
