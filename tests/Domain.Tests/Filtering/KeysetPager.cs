using CollectionStore.Domain.Documents;
using CollectionStore.Domain.Filtering;

namespace CollectionStore.Domain.Tests.Filtering;

/// <summary>Pages through the Task table in one engine's SQL with keyset cursors, forward (first/after) or backward (last/before).</summary>
internal sealed class KeysetPager(FilterAgreement agreement, IReadOnlyList<SortField> sort, FilterExpression? filter)
{
    private readonly SqlSort _sql = agreement.Sort;
    private readonly Dictionary<string, Document> _byId = agreement.Tasks.ToDictionary(t => t.Id, StringComparer.Ordinal);

    /// <summary>All ids in order, read page by page starting at the top and following the last item's cursor.</summary>
    public List<string> Forward(int pageSize)
    {
        var ids = new List<string>();
        string? cursor = null;
        while (true)
        {
            var page = Page(cursor, after: true, pageSize);
            ids.AddRange(page);
            EnsureProgress(ids);
            if (page.Count < pageSize)
            {
                return ids;
            }

            cursor = CursorCodec.Encode(sort, _byId[page[^1]]);
        }
    }

    /// <summary>All ids in order, read page by page from the bottom, following the first item's cursor.</summary>
    public List<string> Backward(int pageSize)
    {
        var ids = new List<string>();
        string? cursor = null;
        while (true)
        {
            var page = Page(cursor, after: false, pageSize);
            page.Reverse();
            ids.InsertRange(0, page);
            EnsureProgress(ids);
            if (page.Count < pageSize)
            {
                return ids;
            }

            cursor = CursorCodec.Encode(sort, _byId[page[0]]);
        }
    }

    /// <summary>The whole ordered result without paging.</summary>
    public List<string> All()
    {
        var parameters = new SqlParameterBag();
        return agreement.Database.Ids(FilteringTestModel.Task, Where(parameters), _sql.OrderBy(FilteringTestModel.Task, sort, "t", false), null, parameters);
    }

    private List<string> Page(string? cursor, bool after, int pageSize)
    {
        var parameters = new SqlParameterBag();
        var where = Where(parameters);
        if (cursor is not null)
        {
            var decoded = CursorCodec.Decode(sort, cursor);
            where += " AND " + _sql.Keyset(FilteringTestModel.Task, sort, "t", decoded, after, parameters);
        }

        var orderBy = _sql.OrderBy(FilteringTestModel.Task, sort, "t", reverse: !after);
        return agreement.Database.Ids(FilteringTestModel.Task, where, orderBy, pageSize, parameters);
    }

    // A keyset condition that fails to move past the cursor would repeat rows forever.
    private void EnsureProgress(List<string> ids) =>
        Assert.True(ids.Count <= agreement.Tasks.Count, "Paging returned more rows than the table holds.");

    private string Where(SqlParameterBag parameters) => filter is null
        ? agreement.Database.Dialect.True
        : "(" + agreement.Translator.Translate(FilteringTestModel.Task, filter, "t", parameters) + ")";
}
