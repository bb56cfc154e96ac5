using System.Security.Claims;
using CollectionStore.Api.Execution;
using CollectionStore.Api.Subscriptions;
using CollectionStore.Api.Tests.Infrastructure;
using CollectionStore.Domain.Documents;
using CollectionStore.Domain.Model;
using GraphQL;
using Microsoft.Extensions.DependencyInjection;

namespace CollectionStore.Api.Tests.Subscriptions;

public sealed class FailureIsolationTests
{
    private const string AllTasks = "subscription { taskChanged { sequence task { title } } }";

    [Fact]
    public async Task CohortFailure_VisibilityThrowsForOneSubject_EndsOnlyThatCohortWithAMaskedError()
    {
        await using var harness = await EngineHarness.StartAsync(
            configureServices: services => services.AddSingleton<ISubscriptionVisibility, FragileVisibility>());
        var project = await harness.CreateProjectAsync("p");
        var fragile = new[] { new TestSink(), new TestSink() };
        var sturdy = new TestSink();
        await using var a = await harness.SubscribeAsync(AllTasks, fragile[0], user: User("fragile"));
        await using var b = await harness.SubscribeAsync(AllTasks, fragile[1], user: User("fragile"));
        await using var c = await harness.SubscribeAsync(AllTasks, sturdy, user: User("sturdy"));
        Assert.Equal(2, harness.Metrics.Cohorts);

        await harness.CreateTaskAsync(project, "fine");
        await harness.CreateTaskAsync(project, "boom");
        var last = await harness.CreateTaskAsync(project, "after");
        await Eventually.HoldsAsync(
            () => fragile.All(s => s.Errors is not null) && sturdy.Sequences.Contains(last.Change.Sequence),
            "the fragile cohort's errors and the sturdy cohort's last event");

        Assert.Equal(["fine", "boom", "after"], Titles(sturdy));
        Assert.Null(sturdy.Errors);
        Assert.All(fragile, sink =>
        {
            Assert.Equal(["fine"], Titles(sink));
            var error = Assert.Single(sink.Errors!);
            Assert.Equal(ErrorCodes.InternalServerError, error.Code);
            Assert.Equal(ErrorMasking.Message, error.Message);
        });
        Assert.Equal(1, harness.Metrics.Cohorts);
        Assert.Equal(1, harness.Metrics.Active);
    }

    [Fact]
    public async Task SinkFailure_OneMembersTransportThrows_EndsOnlyThatMember()
    {
        await using var harness = await EngineHarness.StartAsync();
        var project = await harness.CreateProjectAsync("p");
        var broken = new ThrowingSink();
        var healthy = new TestSink();
        await using var a = await harness.SubscribeAsync(AllTasks, broken);
        await using var b = await harness.SubscribeAsync(AllTasks, healthy);

        var sequences = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            sequences.Add((await harness.CreateTaskAsync(project, $"t{i}")).Change.Sequence);
        }

        await Eventually.HoldsAsync(() => healthy.Events.Count == 3 && broken.Errors is not null, "the healthy events and the broken error");

        Assert.Equal(sequences, healthy.Sequences.Select(s => s!.Value));
        Assert.Equal(ErrorCodes.InternalServerError, Assert.Single(broken.Errors!).Code);
        Assert.Equal(1, broken.Offers);
        Assert.Equal(1, harness.Metrics.Active);
    }

    [Fact]
    public async Task SlowConsumer_BeforeAnyDelivery_ReportsTheSequenceItStartedAfter()
    {
        await using var harness = await EngineHarness.StartAsync();
        var project = await harness.CreateProjectAsync("p");
        await harness.CreateTaskAsync(project, "before");
        var startedAfter = await harness.Store.GetLatestSequenceAsync(CancellationToken.None);
        var dispatcher = harness.Server.Services.GetRequiredService<ChangeDispatcher>();

        // A live subscription starts where the dispatcher is; let it reach the last commit first.
        await Eventually.HoldsAsync(() => dispatcher.LastDispatched == startedAfter, "the dispatcher to catch up");
        var full = new TestSink(acceptLimit: 0);
        await using var handle = await harness.SubscribeAsync(AllTasks, full);

        await harness.CreateTaskAsync(project, "refused");
        await Eventually.HoldsAsync(() => full.Errors is not null, "the SLOW_CONSUMER error");

        var error = Assert.Single(full.Errors!);
        Assert.Equal(SubscriptionErrors.SlowConsumerCode, error.Code);
        Assert.Equal(startedAfter, error.Extensions!["sequence"]);
        Assert.Equal(0, harness.Metrics.Active);
        Assert.Equal(0, harness.Metrics.Cohorts);
    }

    private static ClaimsPrincipal User(string name) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, name)], "test"));

    private static List<string> Titles(TestSink sink) =>
        sink.Events.Select(e => (string)e["data"]!["taskChanged"]!["task"]!["title"]!).ToList();

    /// <summary>A visibility whose check breaks for one subject on one document: stands for a faulty rule.</summary>
    private sealed class FragileVisibility : ISubscriptionVisibility
    {
        public string Fingerprint(ClaimsPrincipal? user) => user?.Identity?.Name ?? string.Empty;

        public Func<Document, bool> For(ClaimsPrincipal? user, CollectionDefinition collection) =>
            document => user?.Identity?.Name != "fragile" || (string?)document.Data["title"] != "boom"
                ? true
                : throw new InvalidOperationException("The rule failed.");
    }

    /// <summary>A transport whose send path throws on every event.</summary>
    private sealed class ThrowingSink : ISubscriptionSink
    {
        private int _offers;

        public int Offers => Volatile.Read(ref _offers);

        public IReadOnlyList<ExecutionError>? Errors { get; private set; }

        public bool TryPublish(SubscriptionEvent subscriptionEvent)
        {
            Interlocked.Increment(ref _offers);
            throw new InvalidOperationException("The socket broke.");
        }

        public void Fail(IReadOnlyList<ExecutionError> errors) => Errors = errors;

        public void Complete()
        {
        }
    }
}
