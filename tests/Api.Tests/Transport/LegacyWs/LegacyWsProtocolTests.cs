using System.Text.Json.Nodes;
using CollectionStore.Api.Tests.Infrastructure;
using CollectionStore.Api.Tests.Transport.GraphQLWs;
using CollectionStore.Domain.Store;
using Microsoft.Extensions.DependencyInjection;

namespace CollectionStore.Api.Tests.Transport.LegacyWs;

public sealed class LegacyWsProtocolTests
{
    [Fact]
    public async Task ConnectionInit_Acknowledged_ThenKeepAliveAtOnceAndPeriodically()
    {
        await using var server = await GraphQLWsServer.StartAsync(new Dictionary<string, string?> { ["Subscriptions:KeepAliveInterval"] = "00:00:00.200" });
        await using var client = await WsClient.ConnectAsync(server.BaseAddress, subProtocol: "graphql-ws");

        await client.SendAsync(new { type = "connection_init", payload = new { } });

        Assert.Equal("graphql-ws", client.SubProtocol);
        Assert.Equal("""{"type":"connection_ack"}""", (await client.ReceiveAsync())!.ToJsonString());
        Assert.Equal("""{"type":"ka"}""", (await client.ReceiveAsync())!.ToJsonString());
        Assert.Equal("""{"type":"ka"}""", (await client.ReceiveAsync())!.ToJsonString());
    }

    [Fact]
    public async Task Start_BeforeConnectionInit_RunsNothingAndClosesWithConnectionError()
    {
        await using var server = await GraphQLWsServer.StartAsync();
        await using var client = await WsClient.ConnectAsync(server.BaseAddress, subProtocol: "graphql-ws");

        await client.SendAsync(new { id = "1", type = "start", payload = new { query = "mutation { createProject(input: { name: \"sneaky\", ownerId: \"o\" }) { id } }" } });

        Assert.Equal("connection_error", (string)(await client.ReceiveAsync())!["type"]!);
        Assert.Equal(4400, (await client.ReceiveCloseAsync()).Code);
        var store = server.Services.GetRequiredService<IDocumentStore>();
        Assert.Equal(0, await store.GetLatestSequenceAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Start_Subscription_DeliversDataAndStopCompletesIt()
    {
        await using var server = await GraphQLWsServer.StartAsync();
        var store = server.Services.GetRequiredService<IDocumentStore>();
        await using var client = await WsClient.ConnectAsync(server.BaseAddress, subProtocol: "graphql-ws");
        await client.SendAsync(new { type = "connection_init" });
        await client.ReceiveTypeAsync("connection_ack");

        await client.SendAsync(new { id = "7", type = "start", payload = new { query = "subscription { projectChanged { kind project { name } } }" } });
        await GraphQLWsMessageTests.WaitForActiveAsync(server, 1);
        await store.CreateAsync("Project", null, new JsonObject { ["name"] = "legacy", ["ownerId"] = "o" }, WriteOptions.Anonymous, CancellationToken.None);
        var data = await client.ReceiveTypeAsync("data");
        await client.SendAsync(new { id = "7", type = "stop" });
        var complete = await client.ReceiveTypeAsync("complete");
        await GraphQLWsMessageTests.WaitForActiveAsync(server, 0);

        Assert.Equal("""{"id":"7","type":"data","payload":{"data":{"projectChanged":{"kind":"ADDED","project":{"name":"legacy"}}}}}""", data.ToJsonString());
        Assert.Equal("""{"id":"7","type":"complete"}""", complete.ToJsonString());
    }

    [Fact]
    public async Task Start_Query_SendsDataThenComplete()
    {
        await using var server = await GraphQLWsServer.StartAsync();
        await using var client = await WsClient.ConnectAsync(server.BaseAddress, subProtocol: "graphql-ws");
        await client.SendAsync(new { type = "connection_init" });
        await client.ReceiveTypeAsync("connection_ack");

        await client.SendAsync(new { id = "q", type = "start", payload = new { query = "{ tasks { totalCount } }" } });

        Assert.Equal("""{"id":"q","type":"data","payload":{"data":{"tasks":{"totalCount":0}}}}""", (await client.ReceiveTypeAsync("data")).ToJsonString());
        Assert.Equal("""{"id":"q","type":"complete"}""", (await client.ReceiveTypeAsync("complete")).ToJsonString());
    }

    [Fact]
    public async Task Start_InvalidDocument_SendsErrorThenComplete()
    {
        await using var server = await GraphQLWsServer.StartAsync();
        await using var client = await WsClient.ConnectAsync(server.BaseAddress, subProtocol: "graphql-ws");
        await client.SendAsync(new { type = "connection_init" });
        await client.ReceiveTypeAsync("connection_ack");

        await client.SendAsync(new { id = "e", type = "start", payload = new { query = "{ nope }" } });

        var error = await client.ReceiveTypeAsync("error");
        Assert.Equal("e", (string)error["id"]!);
        Assert.NotEmpty(error["payload"]!.AsArray());
        Assert.Equal("""{"id":"e","type":"complete"}""", (await client.ReceiveTypeAsync("complete")).ToJsonString());
    }

    [Fact]
    public async Task ConnectionTerminate_ClosesTheSocket()
    {
        await using var server = await GraphQLWsServer.StartAsync();
        await using var client = await WsClient.ConnectAsync(server.BaseAddress, subProtocol: "graphql-ws");
        await client.SendAsync(new { type = "connection_init" });
        await client.ReceiveTypeAsync("connection_ack");

        await client.SendAsync(new { type = "connection_terminate" });

        Assert.Equal(1000, (await client.ReceiveCloseAsync()).Code);
    }
}
