using System.Text.Json.Nodes;
using CollectionStore.Api.Schema;

namespace CollectionStore.Api.Tests.Schema;

public sealed class PagingTests
{
    private const string Page = "totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } nodes { id }";

    [Fact]
    public async Task Order_ByPriorityDescThenTitle_SortsAndBreaksTies()
    {
        await using var harness = await SeedAsync(("a", "Zed", 1), ("b", "Amy", 2), ("c", "Bob", 2), ("d", "Cal", 0));

        var data = await harness.DataAsync("{ tasks(order: [{ priority: DESC }, { title: ASC }]) { nodes { id } } }");

        Assert.Equal("b c a d", Ids(data["tasks"]!));
    }

    [Fact]
    public async Task Paging_ForwardWithCursors_VisitsEveryRowOnceWithTotalCount()
    {
        await using var harness = await SeedAsync(("a", "A", 1), ("b", "B", 2), ("c", "C", 3), ("d", "D", 4), ("e", "E", 5));

        var first = (await harness.DataAsync($"{{ tasks(first: 2, order: [{{ priority: ASC }}]) {{ {Page} }} }}"))["tasks"]!;
        var second = (await harness.DataAsync($$"""{ tasks(first: 2, after: "{{first["pageInfo"]!["endCursor"]}}", order: [{ priority: ASC }]) { {{Page}} } }"""))["tasks"]!;
        var third = (await harness.DataAsync($$"""{ tasks(first: 2, after: "{{second["pageInfo"]!["endCursor"]}}", order: [{ priority: ASC }]) { {{Page}} } }"""))["tasks"]!;

        Assert.Equal("a b", Ids(first));
        Assert.Equal("c d", Ids(second));
        Assert.Equal("e", Ids(third));
        Assert.Equal(5, (int)first["totalCount"]!);
        Assert.True((bool)first["pageInfo"]!["hasNextPage"]!);
        Assert.False((bool)first["pageInfo"]!["hasPreviousPage"]!);
        Assert.True((bool)second["pageInfo"]!["hasPreviousPage"]!);
        Assert.False((bool)third["pageInfo"]!["hasNextPage"]!);
    }

    [Fact]
    public async Task Paging_BackwardWithLastAndBefore_ReturnsPrecedingRowsInOrder()
    {
        await using var harness = await SeedAsync(("a", "A", 1), ("b", "B", 2), ("c", "C", 3), ("d", "D", 4), ("e", "E", 5));

        var last = (await harness.DataAsync($"{{ tasks(last: 2, order: [{{ priority: ASC }}]) {{ {Page} edges {{ cursor node {{ id }} }} }} }}"))["tasks"]!;
        var before = (await harness.DataAsync($$"""{ tasks(last: 2, before: "{{last["pageInfo"]!["startCursor"]}}", order: [{ priority: ASC }]) { {{Page}} } }"""))["tasks"]!;

        Assert.Equal("d e", Ids(last));
        Assert.Equal((string?)last["pageInfo"]!["startCursor"], (string?)last["edges"]![0]!["cursor"]);
        Assert.True((bool)last["pageInfo"]!["hasPreviousPage"]!);
        Assert.False((bool)last["pageInfo"]!["hasNextPage"]!);
        Assert.Equal("b c", Ids(before));
        Assert.True((bool)before["pageInfo"]!["hasPreviousPage"]!);
    }

    [Fact]
    public async Task Paging_NoSize_UsesConfiguredDefaultPageSize()
    {
        await using var harness = await SeedAsync(new PagingOptions { DefaultPageSize = 2, MaxPageSize = 3 }, ("a", "A", 1), ("b", "B", 2), ("c", "C", 3));

        var data = await harness.DataAsync("{ tasks(order: [{ id: ASC }]) { nodes { id } pageInfo { hasNextPage } } }");

        Assert.Equal("a b", Ids(data["tasks"]!));
        Assert.True((bool)data["tasks"]!["pageInfo"]!["hasNextPage"]!);
    }

    [Theory]
    [InlineData("first: 501", "PAGE_SIZE_EXCEEDED")]
    [InlineData("last: 501", "PAGE_SIZE_EXCEEDED")]
    [InlineData("first: -1", "INVALID_INPUT")]
    [InlineData("""after: "not-a-cursor" """, "INVALID_INPUT")]
    [InlineData("order: [{ priority: DESC, title: ASC }]", "INVALID_INPUT")]
    [InlineData("order: [{ }]", "INVALID_INPUT")]
    public async Task Arguments_OutOfRange_FailWithCode(string arguments, string code)
    {
        await using var harness = await SchemaHarness.CreateAsync();

        var error = await harness.ErrorAsync($"{{ tasks({arguments}) {{ nodes {{ id }} }} }}");

        Assert.Equal(code, (string?)error["extensions"]!["code"]);
    }

    [Fact]
    public async Task Cursor_FromAnotherOrder_IsInvalidInput()
    {
        await using var harness = await SeedAsync(("a", "A", 1), ("b", "B", 2));
        var page = (await harness.DataAsync("{ tasks(first: 1, order: [{ priority: ASC }]) { pageInfo { endCursor } } }"))["tasks"]!;

        var error = await harness.ErrorAsync($$"""{ tasks(first: 1, after: "{{page["pageInfo"]!["endCursor"]}}", order: [{ title: DESC }]) { nodes { id } } }""");

        Assert.Equal("INVALID_INPUT", (string?)error["extensions"]!["code"]);
    }

    private static Task<SchemaHarness> SeedAsync(params (string Id, string Title, int Priority)[] tasks) => SeedAsync(null, tasks);

    private static async Task<SchemaHarness> SeedAsync(PagingOptions? paging, params (string Id, string Title, int Priority)[] tasks)
    {
        var harness = await SchemaHarness.CreateAsync(paging);
        foreach (var (id, title, priority) in tasks)
        {
            await harness.CreateAsync("Task", new JsonObject { ["projectId"] = "p", ["title"] = title, ["priority"] = priority }, id);
        }

        return harness;
    }

    private static string Ids(JsonNode connection) =>
        string.Join(' ', connection["nodes"]!.AsArray().Select(n => (string?)n!["id"]));
}
