using CollectionStore.Domain.Filtering;
using CollectionStore.Domain.Model;
using static CollectionStore.Domain.Filtering.ComparisonOperator;
using static CollectionStore.Domain.Tests.Filtering.Filters;

namespace CollectionStore.Domain.Tests.Filtering;

/// <summary>The SQL text each dialect writes for sorts and comparisons, and the types operands are bound in.</summary>
public sealed class SqlTextTests
{
    private static readonly IReadOnlyList<SortField> Keys =
        [new(["priority"], true), new(["label", "name"], false), new(["createdAt"], false), new(["createdBy"], false)];

    [Fact]
    public void OrderBy_Sqlite_WritesKeysWithIdTieBreaker()
    {
        var sort = new SqlSort(FilteringTestModel.Model);

        Assert.Equal(
            "json_extract(t.data, '$.priority') DESC, json_extract(t.data, '$.label.name') ASC, t.created_at ASC, t.created_by ASC, t.id ASC",
            sort.OrderBy(FilteringTestModel.Task, Keys, "t", false));
        Assert.Equal(
            "json_extract(t.data, '$.priority') ASC, json_extract(t.data, '$.label.name') DESC, t.created_at DESC, t.created_by DESC, t.id DESC",
            sort.OrderBy(FilteringTestModel.Task, Keys, "t", true));
    }

    [Fact]
    public void OrderBy_Postgres_TypesKeysAndPlacesNullsAsSqlite()
    {
        var sort = new SqlSort(FilteringTestModel.Model, PostgresDialect.Instance);

        Assert.Equal(
            "((t.data ->> 'priority')::numeric) DESC NULLS LAST, ((t.data -> 'label' ->> 'name') COLLATE \"C\") ASC NULLS FIRST, "
            + "t.created_at ASC, t.created_by ASC NULLS FIRST, t.id ASC",
            sort.OrderBy(FilteringTestModel.Task, Keys, "t", false));
        Assert.Equal(
            "((t.data ->> 'priority')::numeric) ASC NULLS FIRST, ((t.data -> 'label' ->> 'name') COLLATE \"C\") DESC NULLS LAST, "
            + "t.created_at DESC, t.created_by DESC NULLS LAST, t.id DESC",
            sort.OrderBy(FilteringTestModel.Task, Keys, "t", true));
    }

    [Fact]
    public void Translate_Values_AreBoundAsParameters()
    {
        var parameters = new SqlParameterBag();
        var sql = new SqlFilterTranslator(FilteringTestModel.Model)
            .Translate(FilteringTestModel.Task, C("title", Eq, "x' OR 1=1 --"), "t", parameters);
        Assert.Equal("(json_extract(t.data, '$.title') = @p0)", sql);
        Assert.Equal([("@p0", (object?)"x' OR 1=1 --")], parameters.Items);
    }

    [Fact]
    public void Translate_PostgresTopLevelFields_UseTheIndexExpression()
    {
        foreach (var field in FilteringTestModel.Task.Fields.Where(f => !f.Type.IsList && f.Type.Kind != FieldKind.Embedded))
        {
            var parameters = new SqlParameterBag();
            var sql = Postgres(C(field.Name, Eq, RandomValues.Of(new Random(1), field.Type.TypeName)), parameters);

            Assert.Equal($"({PostgresFieldExpressions.Field("t", field)} = @p0)", sql);
        }
    }

    [Fact]
    public void Translate_PostgresOperands_AreBoundInTheComparedType()
    {
        var parameters = new SqlParameterBag();

        Postgres(And(C("done", Eq, false), C("priority", In, Values(3, 2.5)), C("estimate", Gt, 2), C("title", StartsWith, "W")), parameters);

        Assert.Equal([false, 3m, 2.5m, 2.0, "W"], parameters.Items.Select(p => p.Value));
    }

    [Fact]
    public void Translate_PostgresOperandOfTheOtherKind_IsDecidedWithoutBinding()
    {
        var parameters = new SqlParameterBag();

        Assert.Equal("(((t.data ->> 'priority')::numeric) IS NOT NULL)", Postgres(C("priority", Lt, "a"), parameters));
        Assert.Equal("(FALSE)", Postgres(C("priority", Gte, "a"), parameters));
        Assert.Equal("(((t.data ->> 'title') COLLATE \"C\") IS NOT NULL)", Postgres(C("title", Gt, true), parameters));
        Assert.Empty(parameters.Items);
    }

    private static string Postgres(FilterExpression filter, SqlParameterBag parameters) =>
        new SqlFilterTranslator(FilteringTestModel.Model, PostgresDialect.Instance).Translate(FilteringTestModel.Task, filter, "t", parameters);
}
