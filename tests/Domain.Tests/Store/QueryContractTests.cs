using System.Text.Json.Nodes;
using CollectionStore.Domain.Filtering;
using CollectionStore.Domain.Store;

namespace CollectionStore.Domain.Tests.Store;

/// <summary>Keyset paging both ways, counts, snapshots between pages and grouped <c>@hasMany</c> pages, on every store provider.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xUnit disposes the temp store through IAsyncLifetime.")]
public abstract class QueryContractTests(StoreKind kind) : IAsyncLifetime
{
    private static readonly SortField[] ByPriorityDesc = [new(["priority"], Descending: true)];

    private readonly TempStore _temp = new(kind);
    private IDocumentStore _store = null!;

    public async Task InitializeAsync()
    {
        _store = await _temp.OpenAsync();

        // Priorities 0..9 with ties (t0/t5 … share a priority) so the id tie-breaker matters.
        for (var i = 0; i < 10; i++)
        {
            var project = i % 2 == 0 ? "p1" : "p2";
            await _store.CreateAsync("Task", $"t{i}", StoreTestModel.Task(project, "task " + i, priority: i % 5), WriteOptions.Anonymous, default);
        }
    }

    public async Task DisposeAsync() => await _temp.DisposeAsync();

    [Fact]
    public async Task Query_ForwardPages_VisitEveryRowOnceInSortOrder()
    {
        var seen = new List<string>();
        var pages = new List<DocumentPage>();
        string? after = null;
        do
        {
            var page = await _store.QueryAsync(Query(new PageRequest(3, after, null, null)), default);
            pages.Add(page);
            seen.AddRange(page.Items.Select(i => i.Document.Id));
            after = page.HasNextPage ? page.Items[^1].Cursor : null;
        }
        while (after is not null);

        Assert.Equal(["t4", "t9", "t3", "t8", "t2", "t7", "t1", "t6", "t0", "t5"], seen);
        Assert.Equal([false, true, true, true], pages.Select(p => p.HasPreviousPage));
        Assert.Equal([true, true, true, false], pages.Select(p => p.HasNextPage));
    }

    [Fact]
    public async Task Query_BackwardPages_VisitEveryRowOnceInSortOrder()
    {
        var seen = new List<string>();
        string? before = null;
        var first = true;
        while (true)
        {
            var page = await _store.QueryAsync(Query(new PageRequest(null, null, 4, before)), default);
            Assert.Equal(!first, page.HasNextPage);
            seen.InsertRange(0, page.Items.Select(i => i.Document.Id));
            first = false;
            if (!page.HasPreviousPage)
            {
                break;
            }

            before = page.Items[0].Cursor;
        }

        Assert.Equal(["t4", "t9", "t3", "t8", "t2", "t7", "t1", "t6", "t0", "t5"], seen);
    }

    [Fact]
    public async Task Query_WithoutLimit_ReturnsAllAndCountsWhenAsked()
    {
        var filter = new ComparisonFilter("projectId", ComparisonOperator.Eq, JsonValue.Create("p1"));

        var page = await _store.QueryAsync(new DocumentQuery("Task", filter, ByPriorityDesc, new PageRequest(null, null, null, null), IncludeTotalCount: true), default);
        var limited = await _store.QueryAsync(new DocumentQuery("Task", filter, ByPriorityDesc, new PageRequest(2, null, null, null), IncludeTotalCount: true), default);
        var uncounted = await _store.QueryAsync(new DocumentQuery("Task", filter, ByPriorityDesc, new PageRequest(2, null, null, null), IncludeTotalCount: false), default);

        Assert.Equal(["t4", "t8", "t2", "t6", "t0"], page.Items.Select(i => i.Document.Id));
        Assert.False(page.HasNextPage);
        Assert.Equal(5, page.TotalCount);
        Assert.Equal(5, limited.TotalCount);
        Assert.Equal(2, limited.Items.Count);
        Assert.Null(uncounted.TotalCount);
    }

    [Fact]
    public async Task Query_FirstPageWithoutCursorOrCount_IsOneStatement()
    {
        var before = _store.QueryCount;

        await _store.QueryAsync(Query(new PageRequest(5, null, null, null)), default);

        Assert.Equal(1, _store.QueryCount - before);
    }

    [Fact]
    public async Task Query_RowsInsertedBetweenPages_NoDuplicateAndNoSkip()
    {
        var first = await _store.QueryAsync(Query(new PageRequest(4, null, null, null)), default);

        // New rows land before the cursor, at its exact sort key, and after it.
        await _store.CreateAsync("Task", "a-new", StoreTestModel.Task("p1", "new", priority: 4), WriteOptions.Anonymous, default);
        await _store.CreateAsync("Task", "t85", StoreTestModel.Task("p1", "new", priority: 3), WriteOptions.Anonymous, default);
        await _store.CreateAsync("Task", "z-new", StoreTestModel.Task("p1", "new", priority: 0), WriteOptions.Anonymous, default);
        var rest = await _store.QueryAsync(Query(new PageRequest(null, first.Items[^1].Cursor, null, null)), default);

        var ids = first.Items.Concat(rest.Items).Select(i => i.Document.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(Enumerable.Range(0, 10), i => Assert.Contains($"t{i}", ids));
        Assert.Equal(["t4", "t9", "t3", "t8", "t85", "t2", "t7", "t1", "t6", "t0", "t5", "z-new"], ids);
        Assert.DoesNotContain("a-new", ids);
        Assert.True(rest.HasPreviousPage);
    }

    [Fact]
    public async Task Query_CursorFromAnotherOrder_ThrowsInvalidInput()
    {
        var page = await _store.QueryAsync(Query(new PageRequest(2, null, null, null)), default);
        var other = new DocumentQuery("Task", null, [new SortField(["title"], false)], new PageRequest(2, page.Items[^1].Cursor, null, null), false);

        var error = await Assert.ThrowsAsync<InvalidCursorException>(() => _store.QueryAsync(other, default));

        Assert.Equal("INVALID_INPUT", error.Code);
    }

    [Fact]
    public async Task QueryGrouped_PerKeyPagesAndCounts_InOneStatement()
    {
        var before = _store.QueryCount;

        var pages = await _store.QueryGroupedAsync(
            new DocumentQuery("Task", null, ByPriorityDesc, new PageRequest(2, null, null, null), IncludeTotalCount: true),
            "projectId",
            ["p1", "p2", "empty"],
            default);

        Assert.Equal(1, _store.QueryCount - before);
        Assert.Equal(["t4", "t8"], pages["p1"].Items.Select(i => i.Document.Id));
        Assert.Equal(["t9", "t3"], pages["p2"].Items.Select(i => i.Document.Id));
        Assert.Equal(5, pages["p1"].TotalCount);
        Assert.True(pages["p1"].HasNextPage);
        Assert.False(pages["p1"].HasPreviousPage);
        Assert.Empty(pages["empty"].Items);
        Assert.Equal(0, pages["empty"].TotalCount);
        Assert.False(pages["empty"].HasNextPage);
    }

    [Fact]
    public async Task QueryGrouped_FilterAndCursor_AppliesPerKey()
    {
        var filter = new ComparisonFilter("priority", ComparisonOperator.Gte, JsonValue.Create(1));
        var all = await _store.QueryGroupedAsync(
            new DocumentQuery("Task", filter, ByPriorityDesc, new PageRequest(null, null, null, null), IncludeTotalCount: true), "projectId", ["p1", "p2"], default);
        var cursor = all["p1"].Items[1].Cursor;

        var pages = await _store.QueryGroupedAsync(
            new DocumentQuery("Task", filter, ByPriorityDesc, new PageRequest(10, cursor, null, null), IncludeTotalCount: true), "projectId", ["p1", "p2"], default);

        Assert.Equal(["t4", "t8", "t2", "t6"], all["p1"].Items.Select(i => i.Document.Id));
        Assert.Equal(["t2", "t6"], pages["p1"].Items.Select(i => i.Document.Id));
        Assert.True(pages["p1"].HasPreviousPage);
        Assert.False(pages["p1"].HasNextPage);
        Assert.Equal(4, pages["p1"].TotalCount);
        Assert.Equal(["t7", "t1"], pages["p2"].Items.Select(i => i.Document.Id));
        Assert.Equal(4, pages["p2"].TotalCount);
        Assert.True(pages["p2"].HasPreviousPage);
    }

    [Fact]
    public async Task QueryGrouped_LastPerKey_ReturnsTailInOrder()
    {
        var pages = await _store.QueryGroupedAsync(
            new DocumentQuery("Task", null, ByPriorityDesc, new PageRequest(null, null, 2, null), IncludeTotalCount: false), "projectId", ["p1"], default);

        Assert.Equal(["t6", "t0"], pages["p1"].Items.Select(i => i.Document.Id));
        Assert.True(pages["p1"].HasPreviousPage);
        Assert.Null(pages["p1"].TotalCount);
    }

    [Fact]
    public async Task Query_ReadmeTourFilterThroughRelation_PagesAndCountsOnlyMatches()
    {
        await _store.CreateAsync("Project", "p1", new JsonObject { ["name"] = "Alpha", ["ownerId"] = "u1" }, WriteOptions.Anonymous, default);
        await _store.CreateAsync("Project", "p2", new JsonObject { ["name"] = "Beta", ["ownerId"] = "u1", ["archived"] = true }, WriteOptions.Anonymous, default);
        await _store.UpdateAsync("Task", "t8", new JsonObject { ["done"] = true }, WriteOptions.Anonymous, default);
        var filter = new AndFilter(
        [
            new ComparisonFilter("done", ComparisonOperator.Eq, JsonValue.Create(false)),
            new RelationFilter("project", new ComparisonFilter("archived", ComparisonOperator.Eq, JsonValue.Create(false))),
        ]);
        SortField[] order = [new(["priority"], Descending: true), new(["title"], Descending: false)];

        var first = await _store.QueryAsync(new DocumentQuery("Task", filter, order, new PageRequest(2, null, null, null), IncludeTotalCount: true), default);
        var next = await _store.QueryAsync(new DocumentQuery("Task", filter, order, new PageRequest(2, first.Items[^1].Cursor, null, null), IncludeTotalCount: true), default);

        Assert.Equal(["t4", "t2"], first.Items.Select(i => i.Document.Id));
        Assert.Equal((true, false, 4), (first.HasNextPage, first.HasPreviousPage, first.TotalCount));
        Assert.Equal(["t6", "t0"], next.Items.Select(i => i.Document.Id));
        Assert.Equal((false, true, 4), (next.HasNextPage, next.HasPreviousPage, next.TotalCount));
    }

    [Fact]
    public async Task Query_FirstAndLastBetweenTwoCursors_TakesTheTailOfTheFirstRows()
    {
        var all = await _store.QueryAsync(Query(new PageRequest(null, null, null, null)), default);
        var after = all.Items[1].Cursor;
        var before = all.Items[8].Cursor;

        var page = await _store.QueryAsync(Query(new PageRequest(5, after, 2, before)), default);

        Assert.Equal(["t7", "t1"], page.Items.Select(i => i.Document.Id));
        Assert.True(page.HasPreviousPage);
        Assert.True(page.HasNextPage);
    }

    private static DocumentQuery Query(PageRequest page) => new("Task", null, ByPriorityDesc, page, IncludeTotalCount: false);
}
