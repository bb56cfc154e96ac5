using System.Globalization;
using CollectionStore.Domain.Documents;
using CollectionStore.Domain.Filtering;
using CollectionStore.Domain.Model;
using Npgsql;

namespace CollectionStore.Domain.Store.Postgres;

/// <summary>
/// One page per foreign-key value in ONE statement, for <c>@hasMany</c> batching on PostgreSQL, as on SQLite: window
/// functions partitioned by the key number the rows inside the cursor window (ROW_NUMBER), count each key's matches
/// (COUNT) and the matches outside the window on either side (SUM). Besides the page rows, the first row of every key
/// is returned so keys whose window is empty still report their counts. The keys are one <c>text[]</c> parameter.
/// </summary>
internal sealed class PostgresGroupedQuery(PostgresDatabase database, CollectionModel model)
{
    private const int KeyColumn = 7;

    public async Task<IReadOnlyDictionary<string, DocumentPage>> RunAsync(
        DocumentQuery query,
        string foreignKeyField,
        IReadOnlyCollection<string> keys,
        CancellationToken cancellationToken)
    {
        var plan = DocumentPagePlan.Create(model, query, PostgresDialect.Instance);
        var field = plan.Collection.FindField(foreignKeyField)
            ?? throw new ArgumentException($"{plan.Collection.Name} has no field '{foreignKeyField}'.", nameof(foreignKeyField));

        var rowsByKey = keys.Distinct(StringComparer.Ordinal).ToDictionary(k => k, _ => new GroupRows(), StringComparer.Ordinal);
        if (rowsByKey.Count > 0)
        {
            await database.ReadAsync(
                (connection, ct) => ReadAsync(connection, query, plan, field, rowsByKey, ct),
                cancellationToken);
        }

        return rowsByKey.ToDictionary(
            pair => pair.Key,
            pair => plan.ToPage(query, pair.Value.Documents, pair.Value.BeforeWindow, pair.Value.AfterWindow, pair.Value.Total),
            StringComparer.Ordinal);
    }

    private async Task<bool> ReadAsync(
        NpgsqlConnection connection,
        DocumentQuery query,
        DocumentPagePlan plan,
        FieldDefinition foreignKey,
        Dictionary<string, GroupRows> rowsByKey,
        CancellationToken cancellationToken)
    {
        var parameters = plan.Parameters.Items.Append(("@cs_keys", (object?)rowsByKey.Keys.ToArray()));
        await using var command = database.Command(connection, BuildSql(query, plan, foreignKey), parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (!rowsByKey.TryGetValue(reader.GetString(KeyColumn), out var group))
            {
                continue;
            }

            group.Total = Convert.ToInt32(reader.GetInt64(KeyColumn + 3), CultureInfo.InvariantCulture);
            group.BeforeWindow = reader.GetInt64(KeyColumn + 4) > 0;
            group.AfterWindow = reader.GetInt64(KeyColumn + 5) > 0;
            if (reader.GetInt32(KeyColumn + 1) == 1 && (plan.Limit is null || reader.GetInt64(KeyColumn + 2) <= (long)plan.Limit.Value + 1))
            {
                group.Documents.Add(PostgresDocumentRows.Read(plan.Collection.Name, reader));
            }
        }

        return true;
    }

    private string BuildSql(DocumentQuery query, DocumentPagePlan plan, FieldDefinition foreignKey)
    {
        var alias = DocumentPagePlan.Alias;
        var key = PostgresFieldExpressions.Field(alias, foreignKey);
        var inWindow = $"CASE WHEN {plan.CursorCondition} THEN 1 ELSE 0 END";
        static string Outside(string? condition) => condition is null ? "0" : $"CASE WHEN ({condition}) IS NOT TRUE THEN 1 ELSE 0 END";
        var rankLimit = plan.Limit is { } limit ? $" AND cs_rank <= {((long)limit + 1).ToString(CultureInfo.InvariantCulture)}" : string.Empty;
        return $"""
            WITH cs_rows AS (
                SELECT {PostgresDocumentRows.Columns(alias)}, {key} AS cs_key, {inWindow} AS cs_in,
                    ROW_NUMBER() OVER (PARTITION BY {key}, {inWindow} ORDER BY {plan.OrderBy(model, query)}) AS cs_rank,
                    COUNT(*) OVER (PARTITION BY {key}) AS cs_total,
                    SUM({Outside(plan.AfterCondition)}) OVER (PARTITION BY {key}) AS cs_before,
                    SUM({Outside(plan.BeforeCondition)}) OVER (PARTITION BY {key}) AS cs_after,
                    ROW_NUMBER() OVER (PARTITION BY {key}) AS cs_any
                FROM {PostgresDocumentRows.Table(plan.Collection)} AS {alias}
                WHERE {key} = ANY(@cs_keys) AND ({plan.Filter}))
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
