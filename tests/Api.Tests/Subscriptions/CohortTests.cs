using CollectionStore.Api.Subscriptions;
using CollectionStore.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CollectionStore.Api.Tests.Subscriptions;

public sealed class CohortTests
{
    private const string ByProject = "subscription($p: ID) { taskChanged(where: { projectId: { eq: $p } }) { kind sequence task { title } } }";

    [Fact]
    public async Task IdenticalSubscriptions_HundredMembers_ExecuteOncePerEvent()
    {
        await using var harness = await EngineHarness.StartAsync();
        var project = await harness.CreateProjectAsync("p");
        var sinks = Enumerable.Range(0, 100).Select(_ => new TestSink()).ToList();
        var handles = new List<IAsyncDisposable>();
        foreach (var sink in sinks)
        {
            handles.Add(await harness.SubscribeAsync(ByProject, sink, new { p = project }));
        }

        var executionsBefore = harness.Metrics.Executions;
        for (var i = 0; i < 3; i++)
        {
            await harness.CreateTaskAsync(project, $"t{i}");
        }

        await Eventually.HoldsAsync(() => sinks.All(s => s.Events.Count == 3), "every member to get 3 events");

        Assert.Equal(1, harness.Metrics.Cohorts);
        Assert.Equal(100, harness.Metrics.Active);
        Assert.Equal(3, harness.Metrics.Executions - executionsBefore);
        Assert.All(sinks, s => Assert.Equal(sinks[0].Sequences, s.Sequences));
        foreach (var handle in handles)
        {
            await handle.DisposeAsync();
        }

        Assert.Equal(0, harness.Metrics.Active);
        Assert.Equal(0, harness.Metrics.Cohorts);
    }

    [Fact]
    public async Task IdenticalSubscriptions_StartedAtOnce_ShareOneCohort()
    {
        var gate = new GatedVisibility(expected: 50);
        await using var harness = await EngineHarness.StartAsync(configureServices: services => services.AddSingleton<ISubscriptionVisibility>(gate));
        var project = await harness.CreateProjectAsync("p");
        var sinks = Enumerable.Range(0, 50).Select(_ => new TestSink()).ToList();

        // The first cohort's start is held until all 50 have arrived, so the other 49 find it still starting.
        var handles = await Task.WhenAll(sinks.Select(sink => Task.Run(() => harness.SubscribeAsync(ByProject, sink, new { p = project }))));
        var executionsBefore = harness.Metrics.Executions;
        await harness.CreateTaskAsync(project, "t");
        await Eventually.HoldsAsync(() => sinks.All(s => s.Events.Count == 1), "every member to get the event");

        Assert.Equal(1, harness.Metrics.Cohorts);
        Assert.Equal(1, harness.Metrics.Executions - executionsBefore);
        foreach (var handle in handles)
        {
            await handle.DisposeAsync();
        }
    }

    [Fact]
    public async Task DistinctVariables_TwoSubscriptions_RunInSeparateCohortsWithTheirOwnViews()
    {
        await using var harness = await EngineHarness.StartAsync();
        var first = await harness.CreateProjectAsync("first");
        var second = await harness.CreateProjectAsync("second");
        var firstSink = new TestSink();
        var secondSink = new TestSink();
        await using var a = await harness.SubscribeAsync(ByProject, firstSink, new { p = first });
        await using var b = await harness.SubscribeAsync(ByProject, secondSink, new { p = second });

        var inFirst = (await harness.CreateTaskAsync(first, "a")).Change.Sequence;
        var inSecond = (await harness.CreateTaskAsync(second, "b")).Change.Sequence;
        await Eventually.HoldsAsync(() => firstSink.Events.Count == 1 && secondSink.Events.Count == 1, "one event each");

        Assert.Equal(2, harness.Metrics.Cohorts);
        Assert.Equal([inFirst], firstSink.Sequences.Select(s => s!.Value));
        Assert.Equal([inSecond], secondSink.Sequences.Select(s => s!.Value));
    }

    [Fact]
    public async Task SlowConsumer_QueueFull_EndsOnlyThatMemberWithItsLastSequence()
    {
        await using var harness = await EngineHarness.StartAsync();
        var project = await harness.CreateProjectAsync("p");
        var slow = new TestSink(acceptLimit: 2);
        var fast = new TestSink();
        await using var slowHandle = await harness.SubscribeAsync(ByProject, slow, new { p = project });
        await using var fastHandle = await harness.SubscribeAsync(ByProject, fast, new { p = project });

        var sequences = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            sequences.Add((await harness.CreateTaskAsync(project, $"t{i}")).Change.Sequence);
        }

        await Eventually.HoldsAsync(() => fast.Events.Count == 5 && slow.Errors is not null, "the fast member's events and the slow member's error");

        var error = Assert.Single(slow.Errors!);
        Assert.Equal(SubscriptionErrors.SlowConsumerCode, error.Code);
        Assert.Equal(sequences[1], error.Extensions!["sequence"]);
        Assert.Equal(sequences, fast.Sequences.Select(s => s!.Value));
        Assert.Equal(2, slow.Events.Count);
        Assert.Equal(1, harness.Metrics.Active);
    }
}
