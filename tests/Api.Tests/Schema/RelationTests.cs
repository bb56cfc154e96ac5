using System.Text.Json.Nodes;

namespace CollectionStore.Api.Tests.Schema;

public sealed class RelationTests
{
    private const string NestedQuery = "{ tasks(first: 500) { nodes { id project { name tasks { totalCount } } } } }";

    [Fact]
    public async Task BelongsToAndHasMany_FiftyTasks_UseConstantStoreQueries()
    {
        await using var harness = await SeedAsync(projects: 5, tasksPerProject: 10);
        var before = harness.Store.QueryCount;

        var data = await harness.DataAsync(NestedQuery);
        var cost = harness.Store.QueryCount - before;

        var nodes = data["tasks"]!["nodes"]!.AsArray();
        Assert.Equal(50, nodes.Count);
        Assert.All(nodes, n => Assert.Equal(10, (int)n!["project"]!["tasks"]!["totalCount"]!));
        Assert.True(cost <= 4, $"50 tasks with project and project.tasks cost {cost} store queries.");
    }

    [Fact]
    public async Task BelongsToAndHasMany_MoreRows_CostTheSameQueries()
    {
        await using var small = await SeedAsync(projects: 2, tasksPerProject: 5);
        await using var large = await SeedAsync(projects: 8, tasksPerProject: 15);

        var smallBefore = small.Store.QueryCount;
        await small.DataAsync(NestedQuery);
        var largeBefore = large.Store.QueryCount;
        await large.DataAsync(NestedQuery);

        Assert.Equal(small.Store.QueryCount - smallBefore, large.Store.QueryCount - largeBefore);
    }

    [Fact]
    public async Task HasMany_WithWhereOrderAndFirst_AppliesPerParent()
    {
        await using var harness = await SeedAsync(projects: 2, tasksPerProject: 4);

        var data = await harness.DataAsync(
            """{ projects(order: [{ name: ASC }]) { nodes { name tasks(where: { priority: { gte: 1 } }, order: [{ priority: DESC }], first: 2) { totalCount nodes { priority projectId } pageInfo { hasNextPage } } } } }""");

        var projects = data["projects"]!["nodes"]!.AsArray();
        Assert.Equal(2, projects.Count);
        foreach (var project in projects)
        {
            var tasks = project!["tasks"]!;
            Assert.Equal(3, (int)tasks["totalCount"]!);
            Assert.Equal([3, 2], tasks["nodes"]!.AsArray().Select(n => (int)n!["priority"]!));
            Assert.True((bool)tasks["pageInfo"]!["hasNextPage"]!);
        }
    }

    [Fact]
    public async Task BelongsTo_MissingTarget_IsNull()
    {
        await using var harness = await SchemaHarness.CreateAsync();
        await harness.CreateAsync("Task", new JsonObject { ["projectId"] = "gone", ["title"] = "Orphan" }, "t1");
        await harness.CreateAsync("Comment", new JsonObject { ["taskId"] = "t1", ["authorId"] = "u", ["body"] = "hi" }, "c1");

        var data = await harness.DataAsync("""{ comment(id: "c1") { body task { title project { name } } } }""");

        Assert.Equal("Orphan", (string?)data["comment"]!["task"]!["title"]);
        Assert.Null(data["comment"]!["task"]!["project"]);
    }

    [Fact]
    public async Task HasMany_ProjectWithoutTasks_IsEmptyConnection()
    {
        await using var harness = await SchemaHarness.CreateAsync();
        await harness.CreateAsync("Project", new JsonObject { ["name"] = "Empty", ["ownerId"] = "u" }, "p1");

        var data = await harness.DataAsync("""{ project(id: "p1") { tasks { totalCount nodes { id } pageInfo { hasNextPage startCursor } } } }""");

        var tasks = data["project"]!["tasks"]!;
        Assert.Equal(0, (int)tasks["totalCount"]!);
        Assert.Empty(tasks["nodes"]!.AsArray());
        Assert.Null(tasks["pageInfo"]!["startCursor"]);
    }

    private static async Task<SchemaHarness> SeedAsync(int projects, int tasksPerProject)
    {
        var harness = await SchemaHarness.CreateAsync();
        for (var p = 0; p < projects; p++)
        {
            var projectId = $"p{p}";
            await harness.CreateAsync("Project", new JsonObject { ["name"] = $"Project {p}", ["ownerId"] = "u" }, projectId);
            for (var t = 0; t < tasksPerProject; t++)
            {
                await harness.CreateAsync("Task", new JsonObject { ["projectId"] = projectId, ["title"] = $"Task {p}.{t}", ["priority"] = t }, $"t{p}-{t}");
            }
        }

        return harness;
    }
}
