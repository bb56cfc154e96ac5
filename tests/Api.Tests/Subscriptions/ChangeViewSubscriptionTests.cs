using System.Text.Json.Nodes;
using CollectionStore.Api.Tests.Infrastructure;

namespace CollectionStore.Api.Tests.Subscriptions;

public sealed class ChangeViewSubscriptionTests
{
    private const string OpenTasks = """
        subscription { taskChanged(where: { done: { eq: false } }) {
          kind operation sequence changedFields
          task { id title done project { name } }
          previous { title }
        } }
        """;

    [Fact]
    public async Task TaskChanged_WritesIntoAndOutOfTheFilter_DeliverAddedUpdatedRemovedOnly()
    {
        await using var harness = await EngineHarness.StartAsync();
        var project = await harness.CreateProjectAsync("Launch");
        var sink = new TestSink();
        await using var handle = await harness.SubscribeAsync(OpenTasks, sink);

        var task = (await harness.CreateTaskAsync(project, "Write docs")).Document.Id;
        await harness.CreateTaskAsync(project, "Already done", done: true);
        await harness.UpdateTaskAsync(task, new JsonObject { ["title"] = "Write the docs" });
        await harness.UpdateTaskAsync(task, new JsonObject { ["done"] = true });
        await harness.UpdateTaskAsync(task, new JsonObject { ["title"] = "Invisible edit" });
        await harness.UpdateTaskAsync(task, new JsonObject { ["done"] = false });
        var last = await harness.Store.DeleteAsync("Task", task, Domain.Store.WriteOptions.Anonymous, CancellationToken.None);
        await Eventually.HoldsAsync(() => sink.Sequences.Contains(last.Change.Sequence), "the delete");

        var events = sink.Events.Select(e => e["data"]!["taskChanged"]!).ToList();
        Assert.Equal(
            ["ADDED/CREATED", "UPDATED/UPDATED", "REMOVED/UPDATED", "ADDED/UPDATED", "REMOVED/DELETED"],
            events.Select(e => $"{e["kind"]}/{e["operation"]}"));
        Assert.Equal("Write docs", (string)events[0]["task"]!["title"]!);
        Assert.Equal("Launch", (string)events[0]["task"]!["project"]!["name"]!);
        Assert.Equal("Write docs", (string)events[1]["previous"]!["title"]!);
        Assert.Equal(["title"], events[1]["changedFields"]!.AsArray().Select(f => (string)f!));
        Assert.False((bool)events[2]["task"]!["done"]!); // REMOVED carries the last state the subscriber could see.
        Assert.Equal("Invisible edit", (string)events[3]["task"]!["title"]!);
        Assert.All(events.Zip(events.Skip(1)), pair => Assert.True((long)pair.First["sequence"]! < (long)pair.Second["sequence"]!));
        Assert.Equal(sink.Sequences, events.Select(e => (long?)(long)e["sequence"]!));
    }

    [Fact]
    public async Task TaskChanged_RelationInSelection_ResolvesCurrentRelatedState()
    {
        await using var harness = await EngineHarness.StartAsync();
        var project = await harness.CreateProjectAsync("Before");
        var sink = new TestSink();
        await using var handle = await harness.SubscribeAsync("subscription { taskChanged { task { title project { name } } } }", sink);

        await harness.CreateTaskAsync(project, "one");
        await Eventually.HoldsAsync(() => sink.Events.Count == 1, "the first task event");
        await harness.Store.UpdateAsync("Project", project, new JsonObject { ["name"] = "After" }, Domain.Store.WriteOptions.Anonymous, CancellationToken.None);
        await harness.CreateTaskAsync(project, "two");
        await Eventually.HoldsAsync(() => sink.Events.Count == 2, "two task events");

        Assert.Equal(["Before", "After"], sink.Events.Select(e => (string)e["data"]!["taskChanged"]!["task"]!["project"]!["name"]!));
    }
}
