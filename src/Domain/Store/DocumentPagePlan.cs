using CollectionStore.Domain.Documents;
using CollectionStore.Domain.Filtering;
using CollectionStore.Domain.Model;

namespace CollectionStore.Domain.Store;

/// <summary>
/// The SQL pieces of one paged query in one engine's dialect (SQLite or PostgreSQL): the filter, the keyset conditions
/// of its cursors and the fetch order. <c>first</c> pages forward from the start of the window (after <c>after</c>,
/// before <c>before</c>); <c>last</c> without <c>first</c> pages backward from its end, so rows are fetched in reverse
/// order and flipped. One extra row is fetched to learn whether more rows lie beyond the page in the paging direction.
/// </summary>
internal sealed record DocumentPagePlan(
    ISqlDialect Dialect,
    CollectionDefinition Collection,
    string Filter,
    string? AfterCondition,
    string? BeforeCondition,
    bool Backward,
    int? Limit,
    SqlParameterBag Parameters)
{
    public const string Alias = "t";

    /// <summary>The rows that satisfy the filter and lie strictly between the cursors.</summary>
    public string WindowCondition =>
        string.Join(" AND ", new[] { Filter, AfterCondition, BeforeCondition }.OfType<string>().Select(c => "(" + c + ")"));

    /// <summary>The rows between the cursors (without the filter), or the true constant without cursors.</summary>
    public string CursorCondition =>
        AfterCondition is null && BeforeCondition is null
            ? Dialect.True
            : string.Join(" AND ", new[] { AfterCondition, BeforeCondition }.OfType<string>().Select(c => "(" + c + ")"));

    public static DocumentPagePlan Create(CollectionModel model, DocumentQuery query, ISqlDialect dialect)
    {
        var collection = model.GetCollection(query.Collection);
        var page = query.Page;
        if (page.First < 0 || page.Last < 0)
        {
            throw new InvalidDocumentException("'first' and 'last' must not be negative.");
        }

        var parameters = new SqlParameterBag();
        var filter = query.Filter is null ? dialect.True : new SqlFilterTranslator(model, dialect).Translate(collection, query.Filter, Alias, parameters);
        var sort = new SqlSort(model, dialect);
        var after = page.After is null
            ? null
            : sort.Keyset(collection, query.Sort, Alias, CursorCodec.Decode(query.Sort, page.After), afterCursor: true, parameters);
        var before = page.Before is null
            ? null
            : sort.Keyset(collection, query.Sort, Alias, CursorCodec.Decode(query.Sort, page.Before), afterCursor: false, parameters);
        var backward = page.Last is not null && page.First is null;
        return new DocumentPagePlan(dialect, collection, filter, after, before, backward, backward ? page.Last : page.First, parameters);
    }

    public string OrderBy(CollectionModel model, DocumentQuery query) =>
        new SqlSort(model, Dialect).OrderBy(Collection, query.Sort, Alias, reverse: Backward);

    /// <summary>The statement counting the rows that satisfy the filter (<c>totalCount</c>) in <paramref name="table"/>.</summary>
    public string CountStatement(string table) => $"SELECT COUNT(*) FROM {table} AS {Alias} WHERE {Filter};";

    /// <summary>
    /// The one statement that tells whether rows matching the filter lie at or before <c>after</c> and at or after
    /// <c>before</c> (one EXISTS each), giving exact hasPreviousPage/hasNextPage values instead of Relay's permissive
    /// "false when unknown"; null when no cursor was given.
    /// </summary>
    public string? OutsideWindowStatement(string table)
    {
        if (AfterCondition is null && BeforeCondition is null)
        {
            return null;
        }

        string Exists(string? cursorCondition) => cursorCondition is null
            ? Dialect.False
            : $"EXISTS (SELECT 1 FROM {table} AS {Alias} WHERE ({Filter}) AND ({cursorCondition}) {Dialect.IsNotTrue})";
        return $"SELECT {Exists(AfterCondition)}, {Exists(BeforeCondition)};";
    }

    /// <summary>
    /// Builds the page from the fetched rows (in fetch order, at most <see cref="Limit"/> + 1). Rows outside the
    /// window: <paramref name="existsBeforeWindow"/> means a row matching the filter lies at or before <c>after</c>,
    /// <paramref name="existsAfterWindow"/> that one lies at or after <c>before</c>.
    /// </summary>
    public DocumentPage ToPage(DocumentQuery query, List<Document> rows, bool existsBeforeWindow, bool existsAfterWindow, int? totalCount)
    {
        var more = Limit is { } limit && rows.Count > limit;
        if (more)
        {
            rows.RemoveRange(Limit!.Value, rows.Count - Limit.Value);
        }

        if (Backward)
        {
            rows.Reverse();
        }

        var hasPrevious = Backward ? more || existsBeforeWindow : existsBeforeWindow;
        var hasNext = Backward ? existsAfterWindow : more || existsAfterWindow;

        // first and last together: Relay takes the last rows of the first-limited page.
        if (!Backward && query.Page.Last is { } last && rows.Count > last)
        {
            rows.RemoveRange(0, rows.Count - last);
            hasPrevious = true;
        }

        var items = rows.Select(d => new PageItem(d, CursorCodec.Encode(query.Sort, d))).ToList();
        return new DocumentPage(items, hasNext, hasPrevious, query.IncludeTotalCount ? totalCount : null);
    }
}
