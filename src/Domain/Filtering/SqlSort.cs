using CollectionStore.Domain.Model;

namespace CollectionStore.Domain.Filtering;

/// <summary>
/// The SQL side of sorting and keyset paging, for SQLite or (through its dialect) PostgreSQL: ORDER BY terms (NULLs
/// first ascending, last descending, id ascending as the final tie-breaker) and the condition "row lies strictly
/// after/before a cursor" in that total order. <see cref="DocumentSortComparer"/> orders documents the same way in memory.
/// </summary>
public sealed class SqlSort
{
    private readonly CollectionModel _model;
    private readonly ISqlDialect _dialect;

    /// <summary>A sort writing SQLite SQL.</summary>
    public SqlSort(CollectionModel model)
        : this(model, SqliteDialect.Instance)
    {
    }

    internal SqlSort(CollectionModel model, ISqlDialect dialect)
    {
        _model = model;
        _dialect = dialect;
    }

    /// <summary>The ORDER BY list (without the keyword); <paramref name="reverse"/> flips every key, for backward paging.</summary>
    public string OrderBy(CollectionDefinition c, IReadOnlyList<SortField> sort, string alias, bool reverse) =>
        string.Join(", ", Keys(c, sort, alias).Select(k => _dialect.OrderTerm(k.Expression, k.Nullable, k.Descending ^ reverse)));

    /// <summary>
    /// The condition that a row comes strictly after (<paramref name="afterCursor"/>) or strictly before the
    /// cursor's document in the order of <paramref name="sort"/>; null keys are the smallest values.
    /// </summary>
    public string Keyset(CollectionDefinition c, IReadOnlyList<SortField> sort, string alias, DecodedCursor cursor, bool afterCursor, SqlParameterBag p)
    {
        var keys = Keys(c, sort, alias);
        if (cursor.Values.Count != sort.Count)
        {
            throw new InvalidCursorException("The cursor does not belong to this sort order.");
        }

        var bounds = cursor.Values.Select(SqliteValues.FromJson).Append(cursor.Id).ToList();
        var alternatives = new List<string>();
        for (var i = 0; i < keys.Count; i++)
        {
            var terms = new List<string>();
            for (var j = 0; j < i; j++)
            {
                terms.Add(bounds[j] is { } bound ? _dialect.Compare(keys[j].Expression, "=", bound, keys[j].Type, p) : $"{keys[j].Expression} IS NULL");
            }

            terms.Add(Beyond(keys[i], bounds[i], keys[i].Descending ^ !afterCursor, p));
            alternatives.Add("(" + string.Join(" AND ", terms) + ")");
        }

        return "(" + string.Join(" OR ", alternatives) + ")";
    }

    // "Strictly later" for one key, in ascending (nulls first) or descending (nulls last) direction.
    private string Beyond(SortKey key, object? bound, bool descending, SqlParameterBag p) => (bound, descending) switch
    {
        (null, false) => $"{key.Expression} IS NOT NULL",
        (null, true) => _dialect.False,
        (_, false) => _dialect.Compare(key.Expression, ">", bound, key.Type, p),
        _ => $"({_dialect.Compare(key.Expression, "<", bound, key.Type, p)} OR {key.Expression} IS NULL)",
    };

    private List<SortKey> Keys(CollectionDefinition c, IReadOnlyList<SortField> sort, string alias)
    {
        var keys = new List<SortKey>();
        foreach (var field in sort)
        {
            var type = SortPaths.Resolve(_model, c, field.Path);
            keys.Add(field.Path is [var name] && SystemFields.All.Contains(name)
                ? new SortKey(alias + "." + SqlNames.Column(name), type, !type.NonNull, field.Descending)
                : new SortKey(_dialect.ValueAt(alias + ".data", field.Path, type), type, true, field.Descending));
        }

        var id = FilterScope.ForCollection(_model, c).ComparisonType(SystemFields.Id);
        keys.Add(new SortKey(alias + "." + SqlNames.Column(SystemFields.Id), id, false, false));
        return keys;
    }

    // A stored value can be missing even for a non-null field (documents written before the field existed), so only
    // the system columns, which the table declares NOT NULL, are known never to be null.
    private sealed record SortKey(string Expression, FieldType Type, bool Nullable, bool Descending);
}
