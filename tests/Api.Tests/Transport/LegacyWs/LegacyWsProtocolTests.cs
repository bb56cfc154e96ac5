using System.Text.Json.Nodes;
using CollectionStore.Api.Tests.Infrastructure;
using CollectionStore.Api.Tests.Transport.GraphQLWs;
using CollectionStore.Domain.Store;
using Microsoft.Extensions.DependencyInjection;

namespace CollectionStore.Api.Tests.Transport.LegacyWs;

/// <summary>The legacy Apollo protocol (sub-protocol <c>graphql-ws</c>) over a raw socket.</summary>
public sealed class LegacyWsProtocolTests
{
    private const string Legacy = "graphql-ws";

    [Fact]
    public async Task Upgrade_OfferingOnlyLegacy_NegotiatesLegacy()
    {
        await using var server = await GraphQLWsServer.StartAsync();
        await using var client = await WsClient.ConnectAsync(server.BaseAddress, Legacy);

        Assert.Equal(Legacy, client.SubProtocol);
    }

    [Fact]
    public async Task ConnectionInit_IsAcknowledgedThenKeepAliveAtOnce()
    {
        await using var server = await GraphQLWsServer.StartAsync();
        await using var client = await WsClient.ConnectAsync(server.BaseAddress, Legacy);

        await client.SendAsync(new { type = "connection_init", payload = new { } });

        Assert.Equal("""{"type":"connection_ack"}""", (await client.ReceiveAsync())!.ToJsonString());
        Assert.Equal("""{"type":"ka"}""", (await client.ReceiveAsync())!.ToJsonString());
    }

    [Fact]
    public async Task KeepAlive_IsRepeatedAtTheInterval()
    {
        await using var server = await GraphQLWsServer.StartAsync(new Dictionary<string, string?> { ["Subscriptions:KeepAliveInterval"] = "00:00:00.200" });
        await using var client = await WsClient.ConnectAsync(server.BaseAddress, Legacy);
        await client.SendAsync(new { type = "connection_init" });
        await client.ReceiveTypeAsync("connection_ack");
        await client.ReceiveTypeAsync("ka");

        var periodic = await client.ReceiveAsync();

        Assert.Equal("ka", (string)periodic!["type"]!);
    }

    [Fact]
    public async Task Start_BeforeInit_SendsConnectionErrorAndCloses()
    {
        await using var server = await GraphQLWsServer.StartAsync();
        await using var client = await WsClient.ConnectAsync(server.BaseAddress, Legacy);

        await client.SendAsync(new { id = "1", type = "start", payload = new { query = "mutation { createProject(input: { name: \"x\", ownerId: \"o\" }) { id } }" } });
        var error = await client.ReceiveAsync();
        var (code, _) = await client.ReceiveCloseAsync();

        Assert.Equal("connection_error", (string)error!["type"]!);
        Assert.Equal(4400, code);
        var store = server.Services.GetRequiredService<IDocumentStore>();
        Assert.Equal(0, await store.GetLatestSequenceAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ConnectionInit_WithNonObjectPayload_SendsConnectionError()
    {
        await using var server = await GraphQLWsServer.StartAsync();
        await using var client = await WsClient.ConnectAsync(server.BaseAddress, Legacy);

        await client.SendTextAsync("""{"type":"connection_init","payload":"token"}""");

        Assert.Equal("connection_error", (string)(await client.ReceiveAsync())!["type"]!);
    }

    [Fact]
    public async Task Query_IsAnsweredWithDataThenComplete()
    {
        await using var server = await GraphQLWsServer.StartAsync();
        await using var client = await InitialisedAsync(server);

        await client.SendAsync(new { id = "q", type = "start", payload = new { query = "{ __typename }" } });
        var data = await client.ReceiveTypeAsync("data");
        var complete = await client.ReceiveTypeAsync("complete");

        Assert.Equal("""{"id":"q","type":"data","payload":{"data":{"__typename":"Query"}}}""", data.ToJsonString());
        Assert.Equal("q", (string)complete["id"]!);
    }

    [Fact]
    public async Task Start_InvalidDocument_SendsErrorForThatId()
    {
        await using var server = await GraphQLWsServer.StartAsync();
        await using var client = await InitialisedAsync(server);

        await client.SendAsync(new { id = "bad", type = "start", payload = new { query = "subscription { nothing }" } });
        var error = await client.ReceiveTypeAsync("error");

        Assert.Equal("bad", (string)error["id"]!);
    }

    [Fact]
    public async Task Subscription_DeliversDataAndStopCompletesIt()
    {
        await using var server = await GraphQLWsServer.StartAsync();
        var store = server.Services.GetRequiredService<IDocumentStore>();
        await using var client = await InitialisedAsync(server);

        await client.SendAsync(new { id = "s", type = "start", payload = new { query = "subscription { projectChanged { kind project { name } } }" } });
        await GraphQLWsMessageTests.WaitForActiveAsync(server, 1);
        await store.CreateAsync("Project", null, new JsonObject { ["name"] = "legacy", ["ownerId"] = "o" }, WriteOptions.Anonymous, CancellationToken.None);
        var data = await client.ReceiveTypeAsync("data");
        await client.SendAsync(new { id = "s", type = "stop" });
        var complete = await client.ReceiveTypeAsync("complete");
        await GraphQLWsMessageTests.WaitForActiveAsync(server, 0);

        Assert.Equal("""{"id":"s","type":"data","payload":{"data":{"projectChanged":{"kind":"ADDED","project":{"name":"legacy"}}}}}""", data.ToJsonString());
        Assert.Equal("s", (string)complete["id"]!);
    }

    [Fact]
    public async Task Start_OverTheOperationLimit_SendsTooManyOperations()
    {
        await using var server = await GraphQLWsServer.StartAsync(new Dictionary<string, string?> { ["Subscriptions:MaxOperationsPerConnection"] = "1" });
        await using var client = await InitialisedAsync(server);

        await client.SendAsync(new { id = "1", type = "start", payload = new { query = "subscription { taskChanged { sequence } }" } });
        await client.SendAsync(new { id = "2", type = "start", payload = new { query = "subscription { taskChanged { sequence } }" } });
        var error = await client.ReceiveTypeAsync("error");

        Assert.Equal("2", (string)error["id"]!);
        Assert.Equal("TOO_MANY_OPERATIONS", (string)error["payload"]![0]!["extensions"]!["code"]!);
    }

    [Fact]
    public async Task ConnectionTerminate_ClosesTheSocketAndReleasesOperations()
    {
        await using var server = await GraphQLWsServer.StartAsync();
        var metrics = server.Services.GetRequiredService<CollectionStore.Api.Subscriptions.SubscriptionMetrics>();
        await using var client = await InitialisedAsync(server);
        await client.SendAsync(new { id = "s", type = "start", payload = new { query = "subscription { taskChanged { sequence } }" } });
        await GraphQLWsMessageTests.WaitForActiveAsync(server, 1);

        await client.SendAsync(new { type = "connection_terminate" });
        var (code, _) = await client.ReceiveCloseAsync();

        Assert.Equal(1000, code);
        await Eventually.HoldsAsync(() => metrics.Active == 0 && metrics.Connections == 0);
    }

    [Fact]
    public async Task ConnectionInit_NotSentInTime_ClosesWith4408()
    {
        await using var server = await GraphQLWsServer.StartAsync(new Dictionary<string, string?> { ["Subscriptions:ConnectionInitTimeout"] = "00:00:00.200" });
        await using var client = await WsClient.ConnectAsync(server.BaseAddress, Legacy);

        var (code, _) = await client.ReceiveCloseAsync();

        Assert.Equal(4408, code);
    }

    private static async Task<WsClient> InitialisedAsync(ApiServer server)
    {
        var client = await WsClient.ConnectAsync(server.BaseAddress, Legacy);
        await client.SendAsync(new { type = "connection_init" });
        await client.ReceiveTypeAsync("connection_ack");
        return client;
    }
}
