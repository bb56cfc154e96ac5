using System.Text.Json;
using CollectionStore.Domain.Filtering;
using CollectionStore.Domain.Model;
using Npgsql;

namespace CollectionStore.Domain.Store.Postgres;

/// <summary>
/// Creates or migrates the PostgreSQL tables for the model in one transaction under the advisory lock
/// <see cref="PostgresLocks.Migration"/>, so nodes starting at the same moment migrate one after the other and the
/// later ones find nothing left to do. The rules equal SQLite's: the fields each collection had are recorded, defaults
/// are written into existing documents for fields added later, a new non-null field without a default on a collection
/// that has documents is refused, and indexes follow <c>@index</c>, <c>@unique</c> and the relations' foreign keys.
/// </summary>
internal sealed class PostgresSchemaMigrator(PostgresDatabase database, CollectionModel model)
{
    private const string BaseTables = """
        CREATE TABLE IF NOT EXISTS cs_meta (key text PRIMARY KEY, value bigint NOT NULL);
        INSERT INTO cs_meta (key, value) VALUES ('last_sequence', 0) ON CONFLICT (key) DO NOTHING;
        CREATE TABLE IF NOT EXISTS cs_collections (name text PRIMARY KEY, fields text NOT NULL);
        CREATE TABLE IF NOT EXISTS cs_changes (
            sequence bigint PRIMARY KEY, collection text NOT NULL, doc_id text NOT NULL, operation text NOT NULL,
            version bigint NOT NULL, before text, after text, subject text, at text COLLATE "C" NOT NULL);
        CREATE INDEX IF NOT EXISTS ix_cs_changes_at ON cs_changes (at);
        """;

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await database.ExecuteAsync(connection, "SELECT pg_advisory_xact_lock(@key);", cancellationToken, ("@key", PostgresLocks.Migration));
        await database.ExecuteAsync(connection, BaseTables, cancellationToken);
        foreach (var collection in model.Collections)
        {
            await MigrateCollectionAsync(connection, collection, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private async Task MigrateCollectionAsync(NpgsqlConnection connection, CollectionDefinition collection, CancellationToken cancellationToken)
    {
        var table = PostgresDocumentRows.Table(collection);
        await database.ExecuteAsync(connection, PostgresDocumentRows.CreateTable(collection), cancellationToken);
        var json = await database.ScalarAsync(connection, "SELECT fields FROM cs_collections WHERE name = @name;", cancellationToken, ("@name", collection.Name)) as string;
        var recorded = new HashSet<string>(json is null ? [] : JsonSerializer.Deserialize<string[]>(json) ?? [], StringComparer.Ordinal);
        var added = collection.Fields.Where(f => !recorded.Contains(f.Name)).ToList();
        var hasRows = added.Count > 0
            && await database.ScalarAsync(connection, $"SELECT EXISTS (SELECT 1 FROM {table});", cancellationToken) is true;
        if (hasRows)
        {
            await BackfillAsync(connection, collection, added, cancellationToken);
        }

        await SyncIndexesAsync(connection, collection, cancellationToken);
        await database.ExecuteAsync(
            connection,
            "INSERT INTO cs_collections (name, fields) VALUES (@name, @fields) ON CONFLICT (name) DO UPDATE SET fields = excluded.fields;",
            cancellationToken,
            ("@name", collection.Name),
            ("@fields", JsonSerializer.Serialize(collection.Fields.Select(f => f.Name).ToArray())));
    }

    private async Task BackfillAsync(NpgsqlConnection connection, CollectionDefinition collection, List<FieldDefinition> added, CancellationToken cancellationToken)
    {
        SchemaPlan.CheckAddedFields(model, collection, added);
        foreach (var field in added.Where(f => f.HasDefault))
        {
            // Documents written before the field existed get its default, as if they had been created now.
            await database.ExecuteAsync(
                connection,
                $"UPDATE {PostgresDocumentRows.Table(collection)} SET data = jsonb_set(data, ARRAY[@field], CAST(@value AS jsonb)) WHERE data -> @field IS NULL;",
                cancellationToken,
                ("@field", field.Name),
                ("@value", field.Default?.ToJsonString() ?? "null"));
        }
    }

    private async Task SyncIndexesAsync(NpgsqlConnection connection, CollectionDefinition collection, CancellationToken cancellationToken)
    {
        var wanted = SchemaPlan.WantedIndexes(model, collection);
        var existing = new List<string>();
        await using (var command = database.Command(
            connection,
            "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND tablename = @table AND (indexname LIKE 'ux\\_%' OR indexname LIKE 'ix\\_%');",
            [("@table", "doc_" + collection.Name)]))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                existing.Add(reader.GetString(0));
            }
        }

        // An index whose directive was removed (e.g. @unique dropped) must stop enforcing it.
        foreach (var stale in existing.Where(name => !wanted.ContainsKey(name)))
        {
            await database.ExecuteAsync(connection, $"DROP INDEX \"{stale}\";", cancellationToken);
        }

        foreach (var (name, (field, unique)) in wanted)
        {
            await database.ExecuteAsync(connection, CreateIndex(collection, name, field, unique), cancellationToken);
        }
    }

    /// <summary>
    /// The statement that creates one of the model's indexes, on exactly the expression queries compare and sort by.
    /// NULLS FIRST is the store's ascending order (and, scanned backwards, its descending one), so sorts can use it.
    /// </summary>
    internal static string CreateIndex(CollectionDefinition collection, string name, FieldDefinition field, bool unique) =>
        $"CREATE {(unique ? "UNIQUE INDEX" : "INDEX")} IF NOT EXISTS \"{name}\" ON {PostgresDocumentRows.Table(collection)} ({PostgresFieldExpressions.Field(null, field)} NULLS FIRST);";
}
