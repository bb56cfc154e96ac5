using System.Collections.Concurrent;
using CollectionStore.Api.Tests.Infrastructure;

namespace CollectionStore.Api.Tests.Subscriptions;

public sealed class OrderingTests
{
    [Fact]
    public async Task FiveSubscribers_TwoThousandConcurrentMutations_EachGetsEveryMatchingChangeOnceInOrder()
    {
        await using var harness = await EngineHarness.StartAsync();
        var projects = new[] { await harness.CreateProjectAsync("a"), await harness.CreateProjectAsync("b") };
        var queries = new (string Query, object? Variables, Func<string, bool> Matches)[]
        {
            ("subscription { taskChanged { sequence } }", null, _ => true),
            ("subscription { taskChanged { sequence task { id } } }", null, _ => true),
            ("subscription($p: ID) { taskChanged(where: { projectId: { eq: $p } }) { sequence } }", new { p = projects[0] }, p => p == projects[0]),
            ("subscription($p: ID) { taskChanged(where: { projectId: { eq: $p } }) { sequence } }", new { p = projects[1] }, p => p == projects[1]),
            ("subscription { taskChanged(where: { title: { startsWith: \"w1\" } }) { sequence } }", null, _ => false),
        };
        var sinks = queries.Select(_ => new TestSink()).ToArray();
        var handles = new List<IAsyncDisposable>();
        for (var i = 0; i < queries.Length; i++)
        {
            handles.Add(await harness.SubscribeAsync(queries[i].Query, sinks[i], queries[i].Variables));
        }

        var written = new ConcurrentBag<(long Sequence, string Project, string Title)>();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < 500; i++)
            {
                var project = projects[(w + i) % 2];
                var title = $"w{w}-{i}";
                var result = await harness.CreateTaskAsync(project, title);
                written.Add((result.Change.Sequence, project, title));
            }
        })));
        var all = written.OrderBy(w => w.Sequence).ToList();
        var expected = new[]
        {
            all.Select(w => w.Sequence).ToList(),
            all.Select(w => w.Sequence).ToList(),
            all.Where(w => w.Project == projects[0]).Select(w => w.Sequence).ToList(),
            all.Where(w => w.Project == projects[1]).Select(w => w.Sequence).ToList(),
            all.Where(w => w.Title.StartsWith("w1-", StringComparison.Ordinal)).Select(w => w.Sequence).ToList(),
        };
        await Eventually.HoldsAsync(() => sinks.Select((s, i) => s.Events.Count >= expected[i].Count).All(x => x), "every subscriber's events");

        Assert.Equal(2000, all.Count);
        for (var i = 0; i < sinks.Length; i++)
        {
            Assert.Equal(expected[i], sinks[i].Sequences.Select(s => s!.Value));
        }

        foreach (var handle in handles)
        {
            await handle.DisposeAsync();
        }
    }
}
