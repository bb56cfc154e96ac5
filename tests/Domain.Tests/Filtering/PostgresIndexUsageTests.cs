using System.Text.Json.Nodes;
using CollectionStore.Domain.Filtering;
using CollectionStore.Domain.Model;
using CollectionStore.Domain.Store;
using CollectionStore.Domain.Store.Postgres;
using static CollectionStore.Domain.Filtering.ComparisonOperator;
using static CollectionStore.Domain.Tests.Filtering.Filters;

namespace CollectionStore.Domain.Tests.Filtering;

/// <summary>
/// PostgreSQL's planner, on analyzed tables of realistic size with the store's expression indexes, answers the
/// translator's comparisons on indexed fields and the relation subquery through those indexes.
/// </summary>
public sealed class PostgresIndexUsageTests(PostgresIndexedTasksFixture fixture) : IClassFixture<PostgresIndexedTasksFixture>
{
    [Theory]
    [InlineData("Task", "assigneeId", "\"u7\"", "ix_Task_assigneeId")]
    [InlineData("Task", "rank", "17", "ix_Task_rank")]
    [InlineData("Task", "score", "8.5", "ix_Task_score")]
    [InlineData("Task", "projectId", "\"p17\"", "ix_Task_projectId")]
    [InlineData("Project", "name", "\"Project 17\"", "ux_Project_name")]
    public async Task Translate_EqOnIndexedField_UsesExpressionIndex(string collection, string field, string json, string index)
    {
        var definition = fixture.Model.GetCollection(collection);
        var parameters = new SqlParameterBag();
        var where = new SqlFilterTranslator(fixture.Model, PostgresDialect.Instance)
            .Translate(definition, C(field, Eq, JsonNode.Parse(json)), "t", parameters);

        var plan = await fixture.Database.ExplainAsync($"SELECT t.id FROM {SqlNames.Table(definition)} AS t WHERE {where}", parameters);

        AssertUsesIndex(plan, index);
    }

    [Fact]
    public async Task Translate_InOnIndexedField_UsesExpressionIndex()
    {
        var parameters = new SqlParameterBag();
        var where = new SqlFilterTranslator(fixture.Model, PostgresDialect.Instance)
            .Translate(fixture.Model.GetCollection("Task"), C("projectId", In, Values("p1", "p2", "p3")), "t", parameters);

        var plan = await fixture.Database.ExplainAsync($"SELECT t.id FROM \"doc_Task\" AS t WHERE {where}", parameters);

        AssertUsesIndex(plan, "ix_Task_projectId");
    }

    [Fact]
    public async Task Query_ReadmeTour_LooksUpTheRelatedProjectByPrimaryKey()
    {
        var filter = And(C("done", Eq, false), new RelationFilter("project", C("archived", Eq, false)));
        var query = new DocumentQuery(
            "Task", filter, [new SortField(["priority"], true), new SortField(["title"], false)], new PageRequest(10, null, null, null), IncludeTotalCount: true);
        var plan = DocumentPagePlan.Create(fixture.Model, query, PostgresDialect.Instance);

        var explained = await fixture.Database.ExplainAsync(PostgresQueryRunner.PageStatement(fixture.Model, query, plan), plan.Parameters);

        AssertUsesIndex(explained, "doc_Project_pkey");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Query_FirstPageSortedByIndexedField_ReadsTheIndexInOrder(bool descending)
    {
        var query = new DocumentQuery("Task", null, [new SortField(["rank"], descending)], new PageRequest(10, null, null, null), IncludeTotalCount: false);
        var plan = DocumentPagePlan.Create(fixture.Model, query, PostgresDialect.Instance);

        var explained = await fixture.Database.ExplainAsync(PostgresQueryRunner.PageStatement(fixture.Model, query, plan), plan.Parameters);

        AssertUsesIndex(explained, "ix_Task_rank");
    }

    private static void AssertUsesIndex(JsonNode explained, string index)
    {
        var scans = Nodes(explained[0]!["Plan"]!).ToList();
        Assert.True(
            scans.Any(n => (string?)n["Node Type"] is "Index Scan" or "Index Only Scan" or "Bitmap Index Scan" && (string?)n["Index Name"] == index),
            $"Expected a scan of {index}, got: {explained.ToJsonString()}");
    }

    private static IEnumerable<JsonNode> Nodes(JsonNode plan) =>
        plan["Plans"] is JsonArray children ? children.SelectMany(c => Nodes(c!)).Prepend(plan) : [plan];
}
