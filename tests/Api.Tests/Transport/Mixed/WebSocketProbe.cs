using System.Text.Json.Nodes;
using CollectionStore.Api.Tests.Infrastructure;

namespace CollectionStore.Api.Tests.Transport.Mixed;

/// <summary>A subscription over graphql-ws (<c>next</c>) or the legacy Apollo protocol (<c>data</c>).</summary>
public sealed class WebSocketProbe : ITransportProbe
{
    private readonly WsClient _client;
    private readonly string _eventType;

    private WebSocketProbe(WsClient client, string name, string eventType)
    {
        _client = client;
        Name = name;
        _eventType = eventType;
    }

    public string Name { get; }

    public static async Task<WebSocketProbe> OpenAsync(Uri baseAddress, bool legacy, object payload)
    {
        var client = await WsClient.ConnectAsync(baseAddress, legacy ? "graphql-ws" : "graphql-transport-ws");
        await client.InitAsync();
        await client.SendAsync(new { id = "1", type = legacy ? "start" : "subscribe", payload });
        return new WebSocketProbe(client, legacy ? "legacy graphql-ws" : "graphql-transport-ws", legacy ? "data" : "next");
    }

    public async Task<JsonNode> ReceiveResultAsync(CancellationToken cancellationToken)
    {
        var message = await _client.ReceiveTypeAsync(_eventType);
        Assert.Equal("1", (string?)message["id"]);
        return message["payload"]!.DeepClone();
    }

    public ValueTask DisposeAsync() => _client.DisposeAsync();
}
