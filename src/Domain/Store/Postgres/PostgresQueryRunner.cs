using System.Data;
using System.Globalization;
using CollectionStore.Domain.Documents;
using CollectionStore.Domain.Filtering;
using CollectionStore.Domain.Model;
using Npgsql;

namespace CollectionStore.Domain.Store.Postgres;

/// <summary>
/// The store's reads of many documents on PostgreSQL: by ids, and filtered, sorted, keyset-paged queries written by
/// the same filter translator, sort and page plan as on SQLite, in <see cref="PostgresDialect"/>.
/// </summary>
internal sealed class PostgresQueryRunner(PostgresDatabase database, CollectionModel model)
{
    private const string Alias = DocumentPagePlan.Alias;

    public Task<IReadOnlyList<Document>> GetManyAsync(CollectionDefinition collection, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var distinct = ids.Distinct(StringComparer.Ordinal).ToArray();
        if (distinct.Length == 0)
        {
            return Task.FromResult<IReadOnlyList<Document>>([]);
        }

        return database.ReadAsync<IReadOnlyList<Document>>(
            async (connection, ct) =>
            {
                await using var command = database.Command(
                    connection,
                    $"SELECT {PostgresDocumentRows.Columns(Alias)} FROM {PostgresDocumentRows.Table(collection)} AS {Alias} WHERE {Alias}.id = ANY(@ids);",
                    [("@ids", distinct)]);
                return await ReadDocumentsAsync(command, collection.Name, ct);
            },
            cancellationToken);
    }

    public Task<DocumentPage> QueryAsync(DocumentQuery query, CancellationToken cancellationToken)
    {
        var plan = DocumentPagePlan.Create(model, query, PostgresDialect.Instance);
        return database.ReadAsync((connection, ct) => QueryAsync(connection, query, plan, ct), cancellationToken);
    }

    public Task<IReadOnlyDictionary<string, DocumentPage>> QueryGroupedAsync(
        DocumentQuery query,
        string foreignKeyField,
        IReadOnlyCollection<string> keys,
        CancellationToken cancellationToken) =>
        new PostgresGroupedQuery(database, model).RunAsync(query, foreignKeyField, keys, cancellationToken);

    /// <summary>The statement that reads one page: the window's rows in fetch order, one more than the limit.</summary>
    internal static string PageStatement(CollectionModel model, DocumentQuery query, DocumentPagePlan plan)
    {
        var limit = plan.Limit is { } l ? $" LIMIT {((long)l + 1).ToString(CultureInfo.InvariantCulture)}" : string.Empty;
        return $"SELECT {PostgresDocumentRows.Columns(Alias)} FROM {PostgresDocumentRows.Table(plan.Collection)} AS {Alias} "
            + $"WHERE {plan.WindowCondition} ORDER BY {plan.OrderBy(model, query)}{limit};";
    }

    private async Task<DocumentPage> QueryAsync(NpgsqlConnection connection, DocumentQuery query, DocumentPagePlan plan, CancellationToken cancellationToken)
    {
        // Several statements share one snapshot so the page, the outside-window checks and the count agree.
        var needsSnapshot = query.IncludeTotalCount || plan.AfterCondition is not null || plan.BeforeCondition is not null;
        await using var snapshot = needsSnapshot ? await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken) : null;

        // The transaction's BEGIN and this SET travel with the first statement, so the snapshot costs no round trip.
        var readOnly = snapshot is null ? string.Empty : "SET TRANSACTION READ ONLY; ";
        List<Document> rows;
        await using (var command = database.Command(connection, readOnly + PageStatement(model, query, plan), plan.Parameters.Items, snapshot))
        {
            rows = await ReadDocumentsAsync(command, plan.Collection.Name, cancellationToken);
        }

        var (beforeWindow, afterWindow) = await OutsideWindowAsync(connection, snapshot, plan, cancellationToken);
        int? total = null;
        if (query.IncludeTotalCount)
        {
            await using var count = database.Command(connection, plan.CountStatement(PostgresDocumentRows.Table(plan.Collection)), plan.Parameters.Items, snapshot);
            total = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }

        if (snapshot is not null)
        {
            await snapshot.CommitAsync(cancellationToken);
        }

        return plan.ToPage(query, rows, beforeWindow, afterWindow, total);
    }

    /// <summary>Runs the plan's outside-window statement in the page's snapshot; (false, false) without cursors.</summary>
    private async Task<(bool Before, bool After)> OutsideWindowAsync(NpgsqlConnection connection, NpgsqlTransaction? snapshot, DocumentPagePlan plan, CancellationToken cancellationToken)
    {
        if (plan.OutsideWindowStatement(PostgresDocumentRows.Table(plan.Collection)) is not { } sql)
        {
            return (false, false);
        }

        await using var command = database.Command(connection, sql, plan.Parameters.Items, snapshot);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetBoolean(0), reader.GetBoolean(1));
    }

    private static async Task<List<Document>> ReadDocumentsAsync(NpgsqlCommand command, string collection, CancellationToken cancellationToken)
    {
        var documents = new List<Document>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            documents.Add(DocumentRows.Read(collection, reader));
        }

        return documents;
    }
}
