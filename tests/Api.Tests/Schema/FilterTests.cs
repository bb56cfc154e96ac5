namespace CollectionStore.Api.Tests.Schema;

public sealed class FilterTests(FilterFixture fixture) : IClassFixture<FilterFixture>
{
    [Theory]
    [InlineData("""{ title: { eq: "Beta plan" } }""", "t2")]
    [InlineData("""{ title: { neq: "Beta plan" } }""", "t1 t3 t4")]
    [InlineData("""{ title: { contains: "report" } }""", "t1 t3")]
    [InlineData("""{ title: { contains: "REPORT" } }""", "")]
    [InlineData("""{ title: { ncontains: "report" } }""", "t2 t4")]
    [InlineData("""{ title: { in: ["delta", "Beta plan"] } }""", "t2 t4")]
    [InlineData("""{ title: { nin: ["delta"] } }""", "t1 t2 t3")]
    [InlineData("""{ title: { startsWith: "Al" } }""", "t1")]
    [InlineData("""{ title: { nstartsWith: "Al" } }""", "t2 t3 t4")]
    [InlineData("""{ title: { endsWith: "plan" } }""", "t2")]
    [InlineData("""{ title: { nendsWith: "report" } }""", "t2 t4")]
    [InlineData("""{ title: { or: [{ startsWith: "Al" }, { eq: "delta" }] } }""", "t1 t4")]
    [InlineData("""{ title: { and: [{ contains: "a" }, { endsWith: "report" }] } }""", "t1 t3")]
    public Task String_Operators_SelectMatchingTasks(string where, string expected) => AssertSelects(where, expected);

    [Theory]
    [InlineData("""{ assigneeId: { eq: "u1" } }""", "t1")]
    [InlineData("""{ assigneeId: { eq: null } }""", "t3 t4")]
    [InlineData("""{ assigneeId: { neq: null } }""", "t1 t2")]
    [InlineData("""{ assigneeId: { in: ["u1", "u2"] } }""", "t1 t2")]
    [InlineData("""{ assigneeId: { nin: ["u1"] } }""", "t2 t3 t4")]
    [InlineData("""{ id: { in: ["t1", "t3"] } }""", "t1 t3")]
    [InlineData("""{ projectId: { neq: "p1" } }""", "t3 t4")]
    public Task Id_Operators_SelectMatchingTasks(string where, string expected) => AssertSelects(where, expected);

    [Theory]
    [InlineData("""{ priority: { gt: 2 } }""", "t3 t4")]
    [InlineData("""{ priority: { gte: 2 } }""", "t2 t3 t4")]
    [InlineData("""{ priority: { lt: 2 } }""", "t1")]
    [InlineData("""{ priority: { lte: 2 } }""", "t1 t2")]
    [InlineData("""{ priority: { ngt: 2 } }""", "t1 t2")]
    [InlineData("""{ priority: { ngte: 3 } }""", "t1 t2")]
    [InlineData("""{ priority: { nlt: 3 } }""", "t3 t4")]
    [InlineData("""{ priority: { nlte: 3 } }""", "t4")]
    [InlineData("""{ priority: { in: [1, 5] } }""", "t1 t4")]
    [InlineData("""{ priority: { nin: [1, 5] } }""", "t2 t3")]
    [InlineData("""{ priority: { neq: 1 } }""", "t2 t3 t4")]
    [InlineData("""{ version: { eq: 1 } }""", "t1 t2 t3 t4")]
    public Task Int_Operators_SelectMatchingTasks(string where, string expected) => AssertSelects(where, expected);

    [Theory]
    [InlineData("""{ estimate: { gt: 2 } }""", "t2 t4")]
    [InlineData("""{ estimate: { lte: 1.5 } }""", "t1")]
    [InlineData("""{ estimate: { ngt: 2 } }""", "t1 t3")]
    [InlineData("""{ estimate: { eq: 10 } }""", "t4")]
    public Task Float_Operators_SelectMatchingTasks(string where, string expected) => AssertSelects(where, expected);

    [Theory]
    [InlineData("""{ dueAt: { lt: "2024-03-01T00:00:00Z" } }""", "t1")]
    [InlineData("""{ dueAt: { gte: "2024-06-01T02:00:00+02:00" } }""", "t2 t4")]
    [InlineData("""{ dueAt: { eq: "2024-06-01T00:00:00Z" } }""", "t2")]
    [InlineData("""{ dueAt: { in: ["2025-01-01T01:00:00+01:00"] } }""", "t4")]
    [InlineData("""{ dueAt: { eq: null } }""", "t3")]
    [InlineData("""{ createdAt: { gt: "2000-01-01T00:00:00Z" } }""", "t1 t2 t3 t4")]
    public Task DateTime_Operators_NormalizeOffsetsAndSelect(string where, string expected) => AssertSelects(where, expected);

    [Theory]
    [InlineData("""{ done: { eq: true } }""", "t2 t4")]
    [InlineData("""{ done: { neq: true } }""", "t1 t3")]
    public Task Boolean_Operators_SelectMatchingTasks(string where, string expected) => AssertSelects(where, expected);

    [Theory]
    [InlineData("""{ tags: { some: { eq: "b" } } }""", "t1 t2")]
    [InlineData("""{ tags: { all: { eq: "b" } } }""", "t2 t3")]
    [InlineData("""{ tags: { none: { eq: "b" } } }""", "t3 t4")]
    [InlineData("""{ tags: { any: true } }""", "t1 t2 t4")]
    [InlineData("""{ tags: { any: false } }""", "t3")]
    [InlineData("""{ labels: { some: { name: { eq: "bug" } } } }""", "t1 t4")]
    [InlineData("""{ labels: { some: { name: { eq: "bug" }, color: { eq: "blue" } } } }""", "t4")]
    [InlineData("""{ labels: { all: { color: { neq: null } } } }""", "t1 t3 t4")]
    [InlineData("""{ labels: { any: false } }""", "t3")]
    public Task List_Operators_QuantifyOverElements(string where, string expected) => AssertSelects(where, expected);

    [Theory]
    [InlineData("""{ project: { archived: { eq: false } } }""", "t1 t2")]
    [InlineData("""{ project: { name: { startsWith: "Gem" } } }""", "t3 t4")]
    [InlineData("""{ or: [{ priority: { eq: 1 } }, { done: { eq: true } }] }""", "t1 t2 t4")]
    [InlineData("""{ and: [{ done: { eq: false } }, { title: { contains: "report" } }] }""", "t1 t3")]
    [InlineData("""{ done: { eq: false }, priority: { gt: 1 } }""", "t3")]
    public Task Relations_And_Logical_Combine(string where, string expected) => AssertSelects(where, expected);

    [Fact]
    public async Task Where_AsVariable_IsConverted()
    {
        var data = await fixture.Harness.DataAsync(
            "query($where: TaskFilterInput) { tasks(where: $where, order: [{ id: ASC }]) { nodes { id } } }",
            """{ "where": { "project": { "archived": { "eq": true } }, "dueAt": { "neq": null } } }""");

        Assert.Equal("t4", Ids(data));
    }

    [Theory]
    [InlineData("""{ title: { in: null } }""")]
    [InlineData("""{ priority: { gt: null } }""")]
    [InlineData("""{ project: null }""")]
    public async Task NullOperand_ForNonEqualityOperator_IsInvalidInput(string where)
    {
        var error = await fixture.Harness.ErrorAsync($"{{ tasks(where: {where}) {{ nodes {{ id }} }} }}");

        Assert.Equal("INVALID_INPUT", (string?)error["extensions"]!["code"]);
    }

    private async Task AssertSelects(string where, string expected)
    {
        var data = await fixture.Harness.DataAsync($"{{ tasks(where: {where}, order: [{{ id: ASC }}]) {{ nodes {{ id }} }} }}");

        Assert.Equal(expected, Ids(data));
    }

    private static string Ids(System.Text.Json.Nodes.JsonObject data) =>
        string.Join(' ', data["tasks"]!["nodes"]!.AsArray().Select(n => (string?)n!["id"]));
}
