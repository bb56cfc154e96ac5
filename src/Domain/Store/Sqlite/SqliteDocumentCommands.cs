using System.Text.Json.Nodes;
using CollectionStore.Domain.Documents;
using CollectionStore.Domain.Model;
using Microsoft.Data.Sqlite;

namespace CollectionStore.Domain.Store.Sqlite;

/// <summary>
/// The document side of create, update and delete, each run inside the coordinator's write transaction: the stored
/// state is read inside the transaction, the version is checked, the guard sees before and after, then the row is
/// written. Any exception rolls the whole write back.
/// </summary>
internal sealed class SqliteDocumentCommands(
    SqliteDatabase database,
    SqliteWriteCoordinator coordinator,
    CollectionModel model,
    TimeProvider time)
{
    private readonly DocumentWriteSteps _steps = new(model, time);

    public Task<WriteResult> CreateAsync(string collectionName, string? id, JsonObject data, WriteOptions options, CancellationToken cancellationToken)
    {
        var (collection, validated, documentId) = _steps.PrepareCreate(collectionName, id, data);
        return coordinator.WriteAsync(
            async (connection, ct) =>
            {
                var change = _steps.Create(collection, documentId, validated, options, Related(connection));
                await WriteRowAsync(
                    connection,
                    collection,
                    $"INSERT INTO {SqliteDocumentRows.Table(collection)} (id, version, created_at, updated_at, created_by, updated_by, data) VALUES (@id, @version, @created_at, @updated_at, @created_by, @updated_by, @data);",
                    change.After!,
                    ct);
                return change;
            },
            cancellationToken);
    }

    public Task<WriteResult> UpdateAsync(string collectionName, string id, JsonObject patch, WriteOptions options, CancellationToken cancellationToken)
    {
        var collection = model.GetCollection(collectionName);
        return coordinator.WriteAsync(
            async (connection, ct) =>
            {
                var change = _steps.Update(collection, id, await LoadAsync(database, connection, collection, id, ct), patch, options, Related(connection));
                await WriteRowAsync(
                    connection,
                    collection,
                    $"UPDATE {SqliteDocumentRows.Table(collection)} SET version = @version, updated_at = @updated_at, updated_by = @updated_by, data = @data WHERE id = @id;",
                    change.After!,
                    ct);
                return change;
            },
            cancellationToken);
    }

    public Task<WriteResult> DeleteAsync(string collectionName, string id, WriteOptions options, CancellationToken cancellationToken)
    {
        var collection = model.GetCollection(collectionName);
        return coordinator.WriteAsync(
            async (connection, ct) =>
            {
                var change = _steps.Delete(collection, id, await LoadAsync(database, connection, collection, id, ct), options, Related(connection));
                await database.ExecuteAsync(connection, $"DELETE FROM {SqliteDocumentRows.Table(collection)} WHERE id = @id;", ct, ("@id", id));
                return change;
            },
            cancellationToken);
    }

    /// <summary>
    /// Reads related documents for a guard with the transaction's connection. The guard is synchronous; SQLite
    /// reads complete synchronously underneath, so nothing blocks on another thread.
    /// </summary>
    private Func<string, string, Document?> Related(SqliteConnection connection) =>
        (collectionName, id) => model.FindCollection(collectionName) is { } collection
            ? LoadAsync(database, connection, collection, id, CancellationToken.None).GetAwaiter().GetResult()
            : null;

    /// <summary>Loads one document with <paramref name="connection"/>; shared by writes and the store's by-id read.</summary>
    public static async Task<Document?> LoadAsync(SqliteDatabase database, SqliteConnection connection, CollectionDefinition collection, string id, CancellationToken cancellationToken)
    {
        await using var command = database.Command(
            connection,
            $"SELECT {SqliteDocumentRows.Columns("t")} FROM {SqliteDocumentRows.Table(collection)} AS t WHERE t.id = @id;",
            [("@id", id)]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? DocumentRows.Read(collection.Name, reader) : null;
    }

    private async Task WriteRowAsync(SqliteConnection connection, CollectionDefinition collection, string sql, Document document, CancellationToken cancellationToken)
    {
        try
        {
            await database.ExecuteAsync(connection, sql, cancellationToken, DocumentRows.Parameters(document));
        }
        catch (SqliteException ex) when (SqliteErrors.UniqueField(ex, collection.Name) is { } field)
        {
            throw new UniqueViolationException(collection.Name, field);
        }
    }
}
