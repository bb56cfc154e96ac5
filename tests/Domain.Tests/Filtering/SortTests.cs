using System.Text.Json.Nodes;
using CollectionStore.Domain.Filtering;

namespace CollectionStore.Domain.Tests.Filtering;

/// <summary>Sorting and keyset conditions on the fixed tasks: the ORDER BY of one engine and the in-memory comparer agree.</summary>
public abstract class SortTests(FixedTasksFixture fixture)
{
    private readonly FilterAgreement _db = fixture.Agreement;

    [Fact]
    public void Sort_NullableField_NullsFirstAscendingLastDescending()
    {
        AssertOrder([new(["estimate"], false)], "t3", "t5", "t4", "t1", "t2");
        AssertOrder([new(["estimate"], true)], "t2", "t1", "t4", "t3", "t5");
        AssertOrder([new(["label", "name"], false)], "t3", "t4", "t5", "t2", "t1");
    }

    [Fact]
    public void Sort_TiedKeys_BreakTiesByIdAscending()
    {
        AssertOrder([new(["priority"], true)], "t4", "t1", "t5", "t3", "t2");
        AssertOrder([new(["done"], true)], "t1", "t5", "t2", "t3", "t4");
        AssertOrder([new(["done"], false), new(["title"], true)], "t4", "t2", "t3", "t5", "t1");
        AssertOrder([], "t1", "t2", "t3", "t4", "t5");
    }

    [Fact]
    public void Sort_Strings_OrderByCodePoint()
    {
        AssertOrder([new(["title"], false)], "t3", "t1", "t5", "t2", "t4");
    }

    [Fact]
    public void Sort_ListOrEmbeddedOrUnknownPath_IsRejected()
    {
        var sort = _db.Sort;
        foreach (var path in new[] { new[] { "tags" }, ["label"], ["nope"], ["label", "nope"], [] })
        {
            Assert.Throws<ArgumentException>(() => sort.OrderBy(FilteringTestModel.Task, [new(path, false)], "t", false));
            Assert.Throws<ArgumentException>(() => new DocumentSortComparer(FilteringTestModel.Model, FilteringTestModel.Task, [new(path, false)]));
        }
    }

    [Fact]
    public void Keyset_AfterNullCursorValue_ContinuesInNullAwareOrder()
    {
        IReadOnlyList<SortField> sort = [new(["estimate"], false)];
        var sql = _db.Sort;
        var parameters = new SqlParameterBag();
        var cursor = new DecodedCursor([null], "t3");

        var where = sql.Keyset(FilteringTestModel.Task, sort, "t", cursor, true, parameters);
        var ids = _db.Database.Ids(FilteringTestModel.Task, where, sql.OrderBy(FilteringTestModel.Task, sort, "t", false), null, parameters);

        Assert.Equal(["t5", "t4", "t1", "t2"], ids);
        var before = new SqlParameterBag();
        var beforeWhere = sql.Keyset(FilteringTestModel.Task, sort, "t", new DecodedCursor([JsonValue.Create(-0.5)], "t4"), false, before);
        Assert.Equal(["t5", "t3"], _db.Database.Ids(FilteringTestModel.Task, beforeWhere, sql.OrderBy(FilteringTestModel.Task, sort, "t", true), null, before));
    }

    private void AssertOrder(IReadOnlyList<SortField> sort, params string[] expected)
    {
        var sql = _db.Sort.OrderBy(FilteringTestModel.Task, sort, "t", false);
        Assert.Equal(expected, _db.Database.Ids(FilteringTestModel.Task, _db.Database.Dialect.True, sql, null, new SqlParameterBag()));
        var comparer = new DocumentSortComparer(FilteringTestModel.Model, FilteringTestModel.Task, sort);
        Assert.Equal(expected, _db.Tasks.Order(comparer).Select(t => t.Id));
    }
}
