using System.Text.Json.Nodes;
using CollectionStore.Api.Tests.Infrastructure;
using CollectionStore.Tests.Postgres;

namespace CollectionStore.Api.Tests.Bus;

/// <summary>
/// Nodes on one PostgreSQL database without Redis: each write's NOTIFY, delivered at commit, tells the other nodes to
/// read the change from the feed, so their subscribers get it in order, exactly once.
/// </summary>
public sealed class PostgresChangeListenerTests
{
    // From position 0, so a change committed before the subscription is running is replayed, not missed.
    private const string NoteChanged = "subscription { noteChanged(since: 0) { sequence note { text } } }";

    [Fact]
    public async Task Write_OnOneNodeWithoutRedis_ReachesSubscribersOnTheOtherInOrder()
    {
        var database = await (await PostgresServer.SharedAsync()).CreateDatabaseAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Store:Provider"] = "PostgreSql",
            ["ConnectionStrings:Store"] = database,
            ["ConnectionStrings:Redis"] = string.Empty,

            // A long idle poll, so only the NOTIFY can bring the changes in time.
            ["Bus:IdlePollInterval"] = "00:05:00",
        };
        await using var a = await ApiServer.StartAsync(settings, useTestSchema: false);
        await using var b = await ApiServer.StartAsync(settings, useTestSchema: false);
        await using var onB = await SubscribeAsync(b);
        await using var onA = await SubscribeAsync(a);

        for (var i = 0; i < 20; i++)
        {
            await CreateNoteAsync(i % 2 == 0 ? a : b, "n" + i);
        }

        var expected = Enumerable.Range(1, 20).Select(i => (long)i).ToList();
        Assert.Equal(expected, await SequencesAsync(onB, 20));
        Assert.Equal(expected, await SequencesAsync(onA, 20));
    }

    private static async Task<WsClient> SubscribeAsync(ApiServer server)
    {
        var client = await WsClient.ConnectAsync(server.BaseAddress);
        await client.InitAsync();
        await client.SendAsync(new { id = "notes", type = "subscribe", payload = new { query = NoteChanged } });
        return client;
    }

    private static async Task CreateNoteAsync(ApiServer server, string text)
    {
        var response = await GraphQLHttp.PostJsonAsync(server.Client, new { query = "mutation($t: String!) { createNote(input: { text: $t }) { id } }", variables = new { t = text } });
        Assert.True(response.Json.TryGetProperty("data", out var data) && data.ValueKind == System.Text.Json.JsonValueKind.Object, response.Text);
    }

    private static async Task<List<long>> SequencesAsync(WsClient client, int count)
    {
        var sequences = new List<long>();
        while (sequences.Count < count)
        {
            var next = await client.ReceiveTypeAsync("next");
            sequences.Add((long)next["payload"]!["data"]!["noteChanged"]!["sequence"]!);
        }

        return sequences;
    }
}
