using CollectionStore.Domain.Model;

namespace CollectionStore.Domain.Filtering;

/// <summary>
/// The SQL side of sorting and keyset paging: ORDER BY terms (NULLs first ascending, last descending, id ascending
/// as the final tie-breaker) and the condition "row lies strictly after/before a cursor" in that total order.
/// <see cref="DocumentSortComparer"/> orders documents the same way in memory.
/// </summary>
public sealed class SqlSort(CollectionModel model)
{
    /// <summary>The ORDER BY list (without the keyword); <paramref name="reverse"/> flips every key, for backward paging.</summary>
    public string OrderBy(CollectionDefinition c, IReadOnlyList<SortField> sort, string alias, bool reverse) =>
        string.Join(", ", Keys(c, sort, alias).Select(k => k.Expression + ((k.Descending ^ reverse) ? " DESC" : " ASC")));

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
                terms.Add(bounds[j] is null ? $"{keys[j].Expression} IS NULL" : $"{keys[j].Expression} = {p.Add(bounds[j])}");
            }

            terms.Add(Beyond(keys[i].Expression, bounds[i], keys[i].Descending ^ !afterCursor, p));
            alternatives.Add("(" + string.Join(" AND ", terms) + ")");
        }

        return "(" + string.Join(" OR ", alternatives) + ")";
    }

    // "Strictly later" for one key, in ascending (nulls first) or descending (nulls last) direction.
    private static string Beyond(string key, object? bound, bool descending, SqlParameterBag p) => (bound, descending) switch
    {
        (null, false) => $"{key} IS NOT NULL",
        (null, true) => "0",
        (_, false) => $"{key} > {p.Add(bound)}",
        _ => $"({key} < {p.Add(bound)} OR {key} IS NULL)",
    };

    private List<(string Expression, bool Descending)> Keys(CollectionDefinition c, IReadOnlyList<SortField> sort, string alias)
    {
        var keys = new List<(string Expression, bool Descending)>();
        foreach (var field in sort)
        {
            SortPaths.Validate(model, c, field.Path);
            keys.Add((SqlNames.ValueExpression(c, field.Path, alias), field.Descending));
        }

        keys.Add((alias + "." + SqlNames.Column(SystemFields.Id), false));
        return keys;
    }
}
