using System.Text.Json;
using CollectionStore.Domain.Documents;
using CollectionStore.Domain.Filtering;
using CollectionStore.Domain.Model;

namespace CollectionStore.Domain.Store.Sqlite;

/// <summary>
/// One page per foreign-key value in ONE statement, for <c>@hasMany</c> batching: window functions partitioned by the
/// key number the rows inside the cursor window (ROW_NUMBER), count each key's matches (COUNT) and the matches
/// outside the window on either side (SUM). Besides the page rows, the first row of every key is returned so keys
/// whose window is empty still report their counts.
/// </summary>
internal sealed class SqliteGroupedQuery(SqliteDatabase database, CollectionModel model)
{
    private const int KeyColumn = 7;

    public async Task<IReadOnlyDictionary<string, DocumentPage>> RunAsync(
        DocumentQuery query,
        string foreignKeyField,
        IReadOnlyCollection<string> keys,
        CancellationToken cancellationToken)
    {
        var plan = DocumentPagePlan.Create(model, query, SqliteDialect.Instance);
        if (plan.Collection.FindField(foreignKeyField) is null)
        {
            throw new ArgumentException($"{plan.Collection.Name} has no field '{foreignKeyField}'.", nameof(foreignKeyField));
        }

        var rowsByKey = keys.Distinct(StringComparer.Ordinal).ToDictionary(k => k, _ => new GroupRows(), StringComparer.Ordinal);
        if (rowsByKey.Count > 0)
        {
            await ReadAsync(query, plan, foreignKeyField, rowsByKey, cancellationToken);
        }

        return rowsByKey.ToDictionary(
            pair => pair.Key,
            pair => plan.ToPage(query, pair.Value.Documents, pair.Value.BeforeWindow, pair.Value.AfterWindow, pair.Value.Total),
            StringComparer.Ordinal);
    }

    private async Task ReadAsync(DocumentQuery query, DocumentPagePlan plan, string foreignKeyField, Dictionary<string, GroupRows> rowsByKey, CancellationToken cancellationToken)
    {
        var sql = BuildSql(query, plan, foreignKeyField);
        var parameters = plan.Parameters.Items.Append(("@cs_keys", (object?)JsonSerializer.Serialize(rowsByKey.Keys)));
        await using var connection = await database.OpenReaderAsync(cancellationToken);
        await using var command = database.Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (!rowsByKey.TryGetValue(reader.GetString(KeyColumn), out var group))
            {
                continue;
            }

            group.Total = reader.GetInt32(KeyColumn + 3);
            group.BeforeWindow = reader.GetInt64(KeyColumn + 4) > 0;
            group.AfterWindow = reader.GetInt64(KeyColumn + 5) > 0;
            if (reader.GetInt64(KeyColumn + 1) == 1 && (plan.Limit is null || reader.GetInt64(KeyColumn + 2) <= (long)plan.Limit.Value + 1))
            {
                group.Documents.Add(SqliteDocumentRows.Read(plan.Collection.Name, reader));
            }
        }
    }

    private string BuildSql(DocumentQuery query, DocumentPagePlan plan, string foreignKeyField)
    {
        var alias = DocumentPagePlan.Alias;
        var key = SqlNames.ValueExpression(plan.Collection, [foreignKeyField], alias);
        var inWindow = $"CASE WHEN {plan.CursorCondition} THEN 1 ELSE 0 END";
        static string Outside(string? condition) => condition is null ? "0" : $"CASE WHEN ({condition}) IS NOT 1 THEN 1 ELSE 0 END";
        var rankLimit = plan.Limit is { } limit ? $" AND cs_rank <= {(long)limit + 1}" : string.Empty;
        return $"""
            WITH cs_rows AS (
                SELECT {SqliteDocumentRows.Columns(alias)}, {key} AS cs_key, {inWindow} AS cs_in,
                    ROW_NUMBER() OVER (PARTITION BY {key}, {inWindow} ORDER BY {plan.OrderBy(model, query)}) AS cs_rank,
                    COUNT(*) OVER (PARTITION BY {key}) AS cs_total,
                    SUM({Outside(plan.AfterCondition)}) OVER (PARTITION BY {key}) AS cs_before,
                    SUM({Outside(plan.BeforeCondition)}) OVER (PARTITION BY {key}) AS cs_after,
                    ROW_NUMBER() OVER (PARTITION BY {key}) AS cs_any
                FROM {SqliteDocumentRows.Table(plan.Collection)} AS {alias}
                WHERE {key} IN (SELECT value FROM json_each(@cs_keys)) AND ({plan.Filter}))
            SELECT id, version, created_at, updated_at, created_by, updated_by, data, cs_key, cs_in, cs_rank, cs_total, cs_before, cs_after
            FROM cs_rows
            WHERE (cs_in = 1{rankLimit}) OR cs_any = 1
            ORDER BY cs_key, cs_in DESC, cs_rank;
            """;
    }

    private sealed class GroupRows
    {
        public List<Document> Documents { get; } = [];

        public int Total { get; set; }

        public bool BeforeWindow { get; set; }

        public bool AfterWindow { get; set; }
    }
}
