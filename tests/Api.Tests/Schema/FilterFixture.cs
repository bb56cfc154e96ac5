using System.Text.Json.Nodes;

namespace CollectionStore.Api.Tests.Schema;

/// <summary>Two projects and four tasks covering nulls, empty lists, embedded labels and dates, shared by the filter tests.</summary>
public sealed class FilterFixture : IAsyncLifetime
{
    private SchemaHarness? _harness;

    internal SchemaHarness Harness => _harness ?? throw new InvalidOperationException("Not initialized.");

    public async Task InitializeAsync()
    {
        _harness = await SchemaHarness.CreateAsync();
        await Harness.CreateAsync("Project", new JsonObject { ["name"] = "Apollo", ["ownerId"] = "u1" }, "p1");
        await Harness.CreateAsync("Project", new JsonObject { ["name"] = "Gemini", ["ownerId"] = "u1", ["archived"] = true }, "p2");
        await Harness.CreateAsync("Task", Task("p1", "Alpha report", false, 1, ["a", "b"], 1.5, "2024-01-01T00:00:00.0000000Z", "u1", Label("bug", "red")), "t1");
        await Harness.CreateAsync("Task", Task("p1", "Beta plan", true, 2, ["b"], 3.0, "2024-06-01T00:00:00.0000000Z", "u2", Label("feature", null)), "t2");
        await Harness.CreateAsync("Task", Task("p2", "Gamma report", false, 3, [], null, null, null), "t3");
        await Harness.CreateAsync("Task", Task("p2", "delta", true, 5, ["c"], 10, "2025-01-01T00:00:00.0000000Z", null, Label("bug", "blue")), "t4");
    }

    public async Task DisposeAsync()
    {
        if (_harness is not null)
        {
            await _harness.DisposeAsync();
        }
    }

    private static JsonObject Task(
        string projectId, string title, bool done, int priority, string[] tags, double? estimate, string? dueAt, string? assigneeId, params JsonObject[] labels) =>
        new()
        {
            ["projectId"] = projectId,
            ["title"] = title,
            ["done"] = done,
            ["priority"] = priority,
            ["tags"] = new JsonArray(tags.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray()),
            ["estimate"] = estimate,
            ["dueAt"] = dueAt,
            ["assigneeId"] = assigneeId,
            ["labels"] = new JsonArray(labels.Cast<JsonNode?>().ToArray()),
        };

    private static JsonObject Label(string name, string? color) => new() { ["name"] = name, ["color"] = color };
}
