using System.Text.Json.Nodes;
using CollectionStore.Api.Bus;
using CollectionStore.Api.Tests.Infrastructure;
using CollectionStore.Domain.Model;
using CollectionStore.Domain.Store;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CollectionStore.Api.Tests.Subscriptions;

public sealed class DispatcherTests
{
    private const string AllTasks = "subscription { taskChanged { sequence task { title } } }";

    [Fact]
    public async Task Gap_ChangesCommittedByAnotherWriterWithoutNotice_AreReadFromTheFeedInOrder()
    {
        await using var harness = await EngineHarness.StartAsync();
        var project = await harness.CreateProjectAsync("p");
        var sink = new TestSink();
        await using var handle = await harness.SubscribeAsync(AllTasks, sink);

        // A second store on the same file stands for another node: its commits never reach this node's bus.
        var configuration = harness.Server.Services.GetRequiredService<IConfiguration>();
        await using var second = await SecondStore.OpenAsync(configuration, harness.Server.Services.GetRequiredService<CollectionModel>());
        var other = second.Store;
        var silent1 = await other.CreateAsync("Task", null, new JsonObject { ["projectId"] = project, ["title"] = "silent 1" }, WriteOptions.Anonymous, CancellationToken.None);
        var silent2 = await other.CreateAsync("Task", null, new JsonObject { ["projectId"] = project, ["title"] = "silent 2" }, WriteOptions.Anonymous, CancellationToken.None);
        var loud = await harness.CreateTaskAsync(project, "loud");
        await Eventually.HoldsAsync(() => sink.Events.Count == 3, "three events");

        Assert.Equal([silent1.Change.Sequence, silent2.Change.Sequence, loud.Change.Sequence], sink.Sequences.Select(s => s!.Value));
        Assert.Equal(["silent 1", "silent 2", "loud"], sink.Events.Select(e => (string)e["data"]!["taskChanged"]!["task"]!["title"]!));
    }

    [Fact]
    public async Task Notice_RepeatedOnTheBus_IsDeliveredOnce()
    {
        await using var harness = await EngineHarness.StartAsync();
        var project = await harness.CreateProjectAsync("p");
        var sink = new TestSink();
        await using var handle = await harness.SubscribeAsync(AllTasks, sink);
        var bus = harness.Server.Services.GetRequiredService<IChangeBus>();

        var first = await harness.CreateTaskAsync(project, "first");
        await bus.PublishAsync(new ChangeNotice(first.Change.Sequence, "Task", first.Document.Id, first.Change), CancellationToken.None);
        await bus.PublishAsync(new ChangeNotice(first.Change.Sequence, "Task", first.Document.Id, null), CancellationToken.None);
        var second = await harness.CreateTaskAsync(project, "second");
        await Eventually.HoldsAsync(() => sink.Sequences.Contains(second.Change.Sequence), "the second event");

        Assert.Equal([first.Change.Sequence, second.Change.Sequence], sink.Sequences.Select(s => s!.Value));
    }
}
