using System.Diagnostics;
using System.Text.Json;
using CollectionStore.Api.Tests.Infrastructure;

namespace CollectionStore.Api.Tests.Cluster.Infrastructure;

/// <summary>Waits and assertions shared by the cluster tests.</summary>
public static class ClusterChecks
{
    /// <summary>The <c>/health</c> body of <paramref name="node"/>, with the HTTP status.</summary>
    public static async Task<(int Status, JsonElement Body)> HealthAsync(ClusterNode node)
    {
        using var response = await node.Client.GetAsync(new Uri("/health", UriKind.Relative));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        return ((int)response.StatusCode, body);
    }

    /// <summary>Waits until the bus entry of <c>/health</c> reports <paramref name="state"/>; returns that entry.</summary>
    public static async Task<JsonElement> WaitForBusStateAsync(ClusterNode node, string state)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var bus = (await HealthAsync(node)).Body.GetProperty("dependencies").GetProperty("bus");
            if (bus.TryGetProperty("state", out var current) && current.GetString() == state)
            {
                return bus;
            }

            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"The bus did not reach state {state}: {bus}");
            await Task.Delay(50);
        }
    }

    public static async Task WaitUntilBusConnectedAsync(params ClusterNode[] nodes)
    {
        var watch = Stopwatch.StartNew();
        foreach (var node in nodes)
        {
            while ((await HealthAsync(node)).Body.GetProperty("dependencies").GetProperty("bus").GetProperty("status").GetString() != "Healthy")
            {
                Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"The bus of node {node.Port} did not connect:\n{string.Join('\n', node.Output)}");
                await Task.Delay(50);
            }
        }
    }

    /// <summary>
    /// Creates notes through <paramref name="node"/> until every subscriber has received one (so all are live);
    /// returns the highest sequence seen, after which the test's own changes start.
    /// </summary>
    public static async Task<long> WarmUpAsync(ClusterNode node, IReadOnlyList<ClusterSubscriber> subscribers)
    {
        var watch = Stopwatch.StartNew();
        while (subscribers.Any(s => s.Sequences.Count == 0))
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), "Subscribers did not become live: " + string.Join(", ", subscribers.Select(s => $"{s.Name} {s.Failure}")));
            await TwoNodes.CreateNoteAsync(node, "warm-up");
            await Task.Delay(100);
        }

        // One more note that every live subscriber receives: its sequence is where the test's own changes start.
        var before = subscribers.Select(s => s.Sequences.Count).ToArray();
        await TwoNodes.CreateNoteAsync(node, "warm-up last");
        for (var i = 0; i < subscribers.Count; i++)
        {
            var (subscriber, count) = (subscribers[i], before[i]);
            await Eventually.HoldsAsync(() => subscriber.Sequences.Count > count, $"the last warm-up note on {subscriber.Name}");
        }

        return subscribers.Max(s => s.Sequences[^1]);
    }

    /// <summary>Each subscriber ends with exactly the <paramref name="count"/> sequences after <paramref name="baseline"/>, in order, once each.</summary>
    public static async Task AssertCompleteAsync(IReadOnlyList<ClusterSubscriber> subscribers, long baseline, int count, TimeSpan deadline)
    {
        foreach (var subscriber in subscribers)
        {
            await Eventually.HoldsAsync(() => subscriber.Failure is not null || subscriber.Sequences.Count(s => s > baseline) >= count, $"{count} changes on {subscriber.Name}", deadline);
        }

        foreach (var subscriber in subscribers)
        {
            Assert.Null(subscriber.Failure);
            var all = subscriber.Sequences;
            Assert.True(all.Zip(all.Skip(1)).All(pair => pair.First < pair.Second), $"{subscriber.Name} received a change twice or out of order");
            Assert.Equal(Enumerable.Range(0, count).Select(i => baseline + 1 + i), all.Where(s => s > baseline));
        }
    }

    /// <summary>
    /// The store's change feed after <paramref name="baseline"/> is gap-free, and each subscriber ends with exactly
    /// those sequences, in order, once each; returns how many there are.
    /// </summary>
    public static async Task<int> AssertFeedReachedAsync(IReadOnlyList<ClusterSubscriber> subscribers, long baseline, IReadOnlyList<long> feed, TimeSpan deadline)
    {
        Assert.Equal(Enumerable.Range(0, feed.Count).Select(i => baseline + 1 + i), feed);
        await AssertCompleteAsync(subscribers, baseline, feed.Count, deadline);
        return feed.Count;
    }

    /// <summary>The id of every note in the store, read through <paramref name="node"/>'s GraphQL API page by page.</summary>
    public static async Task<HashSet<string>> ReadNoteIdsAsync(ClusterNode node)
    {
        const string Page = "query($after: String) { notes(first: 500, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } }";
        var ids = new HashSet<string>(StringComparer.Ordinal);
        string? after = null;
        while (true)
        {
            var response = await GraphQLHttp.PostJsonAsync(node.Client, new { query = Page, variables = new { after } });
            Assert.True(response.Json.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object, response.Text);
            var notes = data.GetProperty("notes");
            ids.UnionWith(notes.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()!));
            var pageInfo = notes.GetProperty("pageInfo");
            if (!pageInfo.GetProperty("hasNextPage").GetBoolean())
            {
                return ids;
            }

            after = pageInfo.GetProperty("endCursor").GetString();
        }
    }
}
