using CollectionStore.Domain.Documents;
using CollectionStore.Domain.Filtering;
using CollectionStore.Domain.Model;
using Microsoft.Data.Sqlite;

namespace CollectionStore.Domain.Store.Sqlite;

/// <summary>The store's reads of many documents: by ids, and filtered, sorted, keyset-paged queries.</summary>
internal sealed class SqliteQueryRunner(SqliteDatabase database, CollectionModel model)
{
    public async Task<IReadOnlyList<Document>> GetManyAsync(CollectionDefinition collection, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var distinct = ids.Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count == 0)
        {
            return [];
        }

        // One statement for every id: json_each over a JSON array avoids SQLite's bound-parameter limit.
        await using var connection = await database.OpenReaderAsync(cancellationToken);
        await using var command = database.Command(
            connection,
            $"SELECT {SqliteDocumentRows.Columns("t")} FROM {SqliteDocumentRows.Table(collection)} AS t WHERE t.id IN (SELECT value FROM json_each(@ids));",
            [("@ids", System.Text.Json.JsonSerializer.Serialize(distinct))]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var documents = new List<Document>(distinct.Count);
        while (await reader.ReadAsync(cancellationToken))
        {
            documents.Add(DocumentRows.Read(collection.Name, reader));
        }

        return documents;
    }

    public async Task<DocumentPage> QueryAsync(DocumentQuery query, CancellationToken cancellationToken)
    {
        var plan = DocumentPagePlan.Create(model, query, SqliteDialect.Instance);
        var table = SqliteDocumentRows.Table(plan.Collection);
        var limit = plan.Limit is { } l ? $" LIMIT {(long)l + 1}" : string.Empty;
        var sql = $"SELECT {SqliteDocumentRows.Columns(DocumentPagePlan.Alias)} FROM {table} AS {DocumentPagePlan.Alias} "
            + $"WHERE {plan.WindowCondition} ORDER BY {plan.OrderBy(model, query)}{limit};";

        await using var connection = await database.OpenReaderAsync(cancellationToken);

        // Several statements share one read transaction so the page, the outside-window checks and the count agree.
        var needsSnapshot = query.IncludeTotalCount || plan.AfterCondition is not null || plan.BeforeCondition is not null;
        await using var snapshot = needsSnapshot ? connection.BeginTransaction(deferred: true) : null;
        var rows = new List<Document>();
        await using (var command = database.Command(connection, sql, plan.Parameters.Items, snapshot))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(DocumentRows.Read(plan.Collection.Name, reader));
            }
        }

        var (beforeWindow, afterWindow) = await OutsideWindowAsync(connection, snapshot, plan, cancellationToken);
        int? total = null;
        if (query.IncludeTotalCount)
        {
            await using var count = database.Command(connection, plan.CountStatement(table), plan.Parameters.Items, snapshot);
            total = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }

        return plan.ToPage(query, rows, beforeWindow, afterWindow, total);
    }

    public Task<IReadOnlyDictionary<string, DocumentPage>> QueryGroupedAsync(
        DocumentQuery query,
        string foreignKeyField,
        IReadOnlyCollection<string> keys,
        CancellationToken cancellationToken) =>
        new SqliteGroupedQuery(database, model).RunAsync(query, foreignKeyField, keys, cancellationToken);

    /// <summary>Runs the plan's outside-window statement in the page's snapshot; (false, false) without cursors.</summary>
    private async Task<(bool Before, bool After)> OutsideWindowAsync(SqliteConnection connection, SqliteTransaction? snapshot, DocumentPagePlan plan, CancellationToken cancellationToken)
    {
        if (plan.OutsideWindowStatement(SqliteDocumentRows.Table(plan.Collection)) is not { } sql)
        {
            return (false, false);
        }

        await using var command = database.Command(connection, sql, plan.Parameters.Items, snapshot);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt64(0) != 0, reader.GetInt64(1) != 0);
    }
}
