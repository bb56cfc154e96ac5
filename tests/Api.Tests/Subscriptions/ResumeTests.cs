using CollectionStore.Api.Subscriptions;
using CollectionStore.Api.Tests.Infrastructure;

namespace CollectionStore.Api.Tests.Subscriptions;

public sealed class ResumeTests
{
    private const string AllTasks = "subscription($since: Long) { taskChanged(since: $since) { sequence task { title } } }";

    [Fact]
    public async Task Since_ChangesAlreadyCommitted_ReplaysExactlyThoseAfterItThenContinuesLive()
    {
        await using var harness = await EngineHarness.StartAsync();
        var project = await harness.CreateProjectAsync("p");
        var written = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            written.Add((await harness.CreateTaskAsync(project, $"t{i}")).Change.Sequence);
        }

        var sink = new TestSink();
        await using var handle = await harness.SubscribeAsync(AllTasks, sink, new { since = written[1] });
        var live = (await harness.CreateTaskAsync(project, "live")).Change.Sequence;
        await Eventually.HoldsAsync(() => sink.Sequences.Contains(live), "the live change");

        Assert.Equal([written[2], written[3], written[4], live], sink.Sequences.Select(s => s!.Value));
    }

    [Fact]
    public async Task Since_WhileWritersRun_DeliversEverySequenceAfterItOnceInOrder()
    {
        await using var harness = await EngineHarness.StartAsync();
        var project = await harness.CreateProjectAsync("p");
        var writers = Enumerable.Range(0, 2).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < 60; i++)
            {
                await harness.CreateTaskAsync(project, $"w{w}-{i}");
            }
        })).ToArray();
        await Eventually.HoldsAsync(() => harness.Store.GetLatestSequenceAsync(CancellationToken.None).Result > 30, "some writes");

        var since = await harness.Store.GetLatestSequenceAsync(CancellationToken.None) - 10;
        var sink = new TestSink();
        await using var handle = await harness.SubscribeAsync(AllTasks, sink, new { since });
        await Task.WhenAll(writers);
        var latest = await harness.Store.GetLatestSequenceAsync(CancellationToken.None);
        await Eventually.HoldsAsync(() => sink.Sequences.Contains(latest), "the last write");

        var expected = Enumerable.Range((int)since + 1, (int)(latest - since)).Select(s => (long)s).ToList();
        Assert.Equal(expected, sink.Sequences.Select(s => s!.Value));
    }

    [Fact]
    public async Task Since_OlderThanRetention_FailsWithResyncRequired()
    {
        await using var harness = await EngineHarness.StartAsync(new Dictionary<string, string?> { ["Store:RetentionMaxCount"] = "2" });
        var project = await harness.CreateProjectAsync("p");
        for (var i = 0; i < 5; i++)
        {
            await harness.CreateTaskAsync(project, $"t{i}");
        }

        await harness.Store.PruneChangesAsync(CancellationToken.None);
        var result = await harness.StartAsync(AllTasks, new TestSink(), new { since = 1 });

        Assert.Null(result.Handle);
        var error = Assert.Single(result.Errors!.Errors!);
        Assert.Equal(SubscriptionErrors.ResyncRequiredCode, error.Code);
        Assert.Equal(0, harness.Metrics.Active);
        Assert.Equal(0, harness.Metrics.Cohorts);
    }
}
