using System.Net.WebSockets;
using CollectionStore.Api.Tests.Infrastructure;

namespace CollectionStore.Api.Tests.Transport.GraphQLWs;

public sealed class GraphQLWsCloseCodeTests
{
    [Fact]
    public async Task Subscribe_BeforeAck_ClosesWith4401()
    {
        await using var server = await GraphQLWsServer.StartAsync();
        await using var client = await WsClient.ConnectAsync(server.BaseAddress);

        await client.SendAsync(new { id = "1", type = "subscribe", payload = new { query = "{ __typename }" } });

        Assert.Equal((4401, "Unauthorized"), await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task ConnectionInit_SentTwice_ClosesWith4429()
    {
        await using var server = await GraphQLWsServer.StartAsync();
        await using var client = await WsClient.ConnectAsync(server.BaseAddress);
        await client.InitAsync();

        await client.SendAsync(new { type = "connection_init" });

        Assert.Equal((4429, "Too many initialisation requests"), await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task Subscribe_IdStillActive_ClosesWith4409()
    {
        await using var server = await GraphQLWsServer.StartAsync();
        await using var client = await WsClient.ConnectAsync(server.BaseAddress);
        await client.InitAsync();
        var subscription = new { id = "a", type = "subscribe", payload = new { query = "subscription { taskChanged { sequence } }" } };

        await client.SendAsync(subscription);
        await client.SendAsync(subscription);

        Assert.Equal((4409, "Subscriber for a already exists"), await client.ReceiveCloseAsync());
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("{\"type\":\"no_such_type\"}")]
    [InlineData("{\"payload\":{}}")]
    [InlineData("{\"type\":\"subscribe\",\"payload\":{\"query\":\"{ __typename }\"}}")]
    [InlineData("{\"type\":\"subscribe\",\"id\":\"\",\"payload\":{\"query\":\"{ __typename }\"}}")]
    [InlineData("{\"type\":\"subscribe\",\"id\":\"1\",\"payload\":{\"query\":42}}")]
    [InlineData("{\"type\":\"subscribe\",\"id\":\"1\",\"payload\":{\"query\":\"{ __typename }\",\"variables\":[]}}")]
    public async Task InvalidMessage_AfterAck_ClosesWith4400(string message)
    {
        await using var server = await GraphQLWsServer.StartAsync();
        await using var client = await WsClient.ConnectAsync(server.BaseAddress);
        await client.InitAsync();

        await client.SendTextAsync(message);

        Assert.Equal(4400, (await client.ReceiveCloseAsync()).Code);
    }

    [Fact]
    public async Task Message_LargerThanTheLimit_ClosesWith4400MessageTooLarge()
    {
        await using var server = await GraphQLWsServer.StartAsync(new Dictionary<string, string?> { ["Subscriptions:MaxMessageBytes"] = "1024" });
        await using var client = await WsClient.ConnectAsync(server.BaseAddress);
        await client.InitAsync();

        await client.SendAsync(new { id = "1", type = "subscribe", payload = new { query = "{ __typename }" + new string(' ', 4096) } });

        Assert.Equal((4400, "Message too large"), await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task ConnectionInit_NotSentInTime_ClosesWith4408()
    {
        await using var server = await GraphQLWsServer.StartAsync(new Dictionary<string, string?> { ["Subscriptions:ConnectionInitTimeout"] = "00:00:00.300" });
        await using var client = await WsClient.ConnectAsync(server.BaseAddress);

        Assert.Equal((4408, "Connection initialisation timeout"), await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task Upgrade_UnknownSubprotocol_ClosesWith4406()
    {
        await using var server = await GraphQLWsServer.StartAsync();
        await using var client = await WsClient.ConnectAsync(server.BaseAddress, subProtocol: null);

        Assert.Equal((4406, "Subprotocol not acceptable"), await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task Upgrade_OriginNotAllowed_IsRefusedWith403()
    {
        await using var server = await GraphQLWsServer.StartAsync(new Dictionary<string, string?> { ["Subscriptions:AllowedOrigins:0"] = "https://app.example" });

        var refused = await Assert.ThrowsAsync<WebSocketException>(() => WsClient.ConnectAsync(server.BaseAddress, origin: "https://evil.example"));
        await using var allowed = await WsClient.ConnectAsync(server.BaseAddress, origin: "https://app.example");

        Assert.Contains("403", refused.Message, StringComparison.Ordinal);
        Assert.Equal("graphql-transport-ws", allowed.SubProtocol);
    }

    [Fact]
    public async Task KeepAlive_PeerNeverAnswersPing_IsClosed()
    {
        await using var server = await GraphQLWsServer.StartAsync(new Dictionary<string, string?> { ["Subscriptions:KeepAliveInterval"] = "00:00:00.200" });
        await using var client = await WsClient.ConnectAsync(server.BaseAddress);
        await client.InitAsync();

        var ping = await client.ReceiveTypeAsync("ping");

        Assert.Null(ping["payload"]);
        Assert.Equal((1008, "Keep-alive timeout"), await client.ReceiveCloseAsync());
    }
}
