using CollectionStore.Api.Tests.Infrastructure;

namespace CollectionStore.Api.Tests.Maintenance;

/// <summary>A <c>noteChanged(since:)</c> subscription over graphql-transport-ws whose events are read as JSON text.</summary>
internal sealed class NoteFeed : IAsyncDisposable
{
    private const string NoteChanged = """
        subscription($since: Long) {
          noteChanged(since: $since) { sequence operation kind changedFields note { id version text updatedBy } previous { version text } }
        }
        """;

    private readonly WsClient _client;

    private NoteFeed(WsClient client) => _client = client;

    public static async Task<NoteFeed> SubscribeAsync(Uri baseAddress, long since)
    {
        var client = await WsClient.ConnectAsync(baseAddress);
        await client.InitAsync();
        await client.SendAsync(new { id = "feed", type = "subscribe", payload = new { query = NoteChanged, variables = new { since } } });
        return new NoteFeed(client);
    }

    /// <summary>The next <paramref name="count"/> events (each wait bounded by <see cref="WsClient.Timeout"/>).</summary>
    public async Task<IReadOnlyList<string>> ReceiveAsync(int count)
    {
        var events = new List<string>();
        while (events.Count < count)
        {
            var message = await _client.ReceiveAsync() ?? throw new InvalidOperationException("The server closed the subscription's socket.");
            switch ((string?)message["type"])
            {
                case "next":
                    events.Add(message["payload"]!["data"]!["noteChanged"]!.ToJsonString());
                    break;
                case "error" or "complete":
                    throw new InvalidOperationException($"The subscription ended: {message.ToJsonString()}");
            }
        }

        return events;
    }

    public ValueTask DisposeAsync() => _client.DisposeAsync();
}
