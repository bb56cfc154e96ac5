using System.Text.Json.Nodes;
using CollectionStore.Domain.Documents;
using CollectionStore.Domain.Model;
using Npgsql;

namespace CollectionStore.Domain.Store.Postgres;

/// <summary>
/// Create, update and delete on PostgreSQL, each inside the coordinator's write transaction: the stored state is read
/// with <c>FOR UPDATE</c> (a concurrent writer on another node waits for it, so a version check can never be
/// overtaken), the version is checked, the guard sees before and after, then the row is written. Any exception rolls
/// the whole write back.
/// </summary>
internal sealed class PostgresDocumentCommands(
    PostgresDatabase database,
    PostgresWriteCoordinator coordinator,
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
                    $"INSERT INTO {PostgresDocumentRows.Table(collection)} (id, version, created_at, updated_at, created_by, updated_by, data) VALUES (@id, @version, @created_at, @updated_at, @created_by, @updated_by, CAST(@data AS jsonb));",
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
                var change = _steps.Update(collection, id, await LoadAsync(database, connection, collection, id, forUpdate: true, ct), patch, options, Related(connection));
                await WriteRowAsync(
                    connection,
                    collection,
                    $"UPDATE {PostgresDocumentRows.Table(collection)} SET version = @version, updated_at = @updated_at, updated_by = @updated_by, data = CAST(@data AS jsonb) WHERE id = @id;",
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
                var change = _steps.Delete(collection, id, await LoadAsync(database, connection, collection, id, forUpdate: true, ct), options, Related(connection));
                await database.ExecuteAsync(connection, $"DELETE FROM {PostgresDocumentRows.Table(collection)} WHERE id = @id;", ct, ("@id", id));
                return change;
            },
            cancellationToken);
    }

    /// <summary>Loads one document with <paramref name="connection"/>; shared by writes and the store's by-id read.</summary>
    public static async Task<Document?> LoadAsync(PostgresDatabase database, NpgsqlConnection connection, CollectionDefinition collection, string id, bool forUpdate, CancellationToken cancellationToken)
    {
        await using var command = LoadCommand(database, connection, collection, id, forUpdate);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? DocumentRows.Read(collection.Name, reader) : null;
    }

    private static NpgsqlCommand LoadCommand(PostgresDatabase database, NpgsqlConnection connection, CollectionDefinition collection, string id, bool forUpdate) =>
        database.Command(
            connection,
            $"SELECT {PostgresDocumentRows.Columns("t")} FROM {PostgresDocumentRows.Table(collection)} AS t WHERE t.id = @id{(forUpdate ? " FOR UPDATE" : string.Empty)};",
            [("@id", id)]);

    /// <summary>
    /// Reads related documents for a guard with the transaction's connection. The guard is synchronous, so the read
    /// uses Npgsql's synchronous API on that connection instead of blocking on an asynchronous one.
    /// </summary>
    private Func<string, string, Document?> Related(NpgsqlConnection connection) =>
        (collectionName, id) =>
        {
            if (model.FindCollection(collectionName) is not { } collection)
            {
                return null;
            }

            using var command = LoadCommand(database, connection, collection, id, forUpdate: false);
            using var reader = command.ExecuteReader();
            return reader.Read() ? DocumentRows.Read(collection.Name, reader) : null;
        };

    private async Task WriteRowAsync(NpgsqlConnection connection, CollectionDefinition collection, string sql, Document document, CancellationToken cancellationToken)
    {
        try
        {
            await database.ExecuteAsync(connection, sql, cancellationToken, DocumentRows.Parameters(document));
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new UniqueViolationException(collection.Name, UniqueField(ex, collection.Name));
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UntranslatableCharacter)
        {
            // jsonb cannot hold U+0000; the write is refused like any other invalid value, and nothing is written.
            throw new InvalidDocumentException("Text values cannot contain the character U+0000 in a PostgreSQL store.");
        }
    }

    /// <summary>The primary key's constraint is <c>doc_&lt;Collection&gt;_pkey</c>; unique indexes are <c>ux_&lt;Collection&gt;_&lt;field&gt;</c>.</summary>
    private static string UniqueField(PostgresException exception, string collection)
    {
        var prefix = SchemaPlan.UniqueIndexName(collection, string.Empty);
        return exception.ConstraintName is { } name && name.StartsWith(prefix, StringComparison.Ordinal) ? name[prefix.Length..] : "id";
    }
}
