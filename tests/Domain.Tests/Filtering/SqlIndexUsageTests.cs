using CollectionStore.Domain.Filtering;
using static CollectionStore.Domain.Filtering.ComparisonOperator;
using static CollectionStore.Domain.Tests.Filtering.Filters;

namespace CollectionStore.Domain.Tests.Filtering;

public sealed class SqlIndexUsageTests
{
    [Fact]
    public void Translate_EqAndInOnIndexedField_UseExpressionIndex()
    {
        using var db = new FilteringDatabase([]);
        db.Execute("CREATE INDEX ix_task_project ON \"doc_Task\" (json_extract(data, '$.projectId'))");
        foreach (var filter in new FilterExpression[] { C("projectId", Eq, "p1"), C("projectId", In, Values("p1", "p2")) })
        {
            var parameters = new SqlParameterBag();
            var where = new SqlFilterTranslator(FilteringTestModel.Model).Translate(FilteringTestModel.Task, filter, "t", parameters);

            var plan = db.Plan($"SELECT t.id FROM \"doc_Task\" AS t WHERE {where}", parameters);

            Assert.Contains(plan, d => d.Contains("USING INDEX ix_task_project", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Translate_RelationFilter_LooksUpRelatedRowByPrimaryKey()
    {
        using var db = new FilteringDatabase([]);
        var parameters = new SqlParameterBag();
        var where = new SqlFilterTranslator(FilteringTestModel.Model)
            .Translate(FilteringTestModel.Task, new RelationFilter("project", C("archived", Eq, false)), "t", parameters);

        var plan = db.Plan($"SELECT t.id FROM \"doc_Task\" AS t WHERE {where}", parameters);

        Assert.Contains(plan, d => d.Contains("doc_Project", StringComparison.Ordinal) && d.Contains("INDEX", StringComparison.Ordinal));
    }
}
