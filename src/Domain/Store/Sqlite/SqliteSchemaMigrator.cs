using System.Text.Json;
using CollectionStore.Domain.Model;
using Microsoft.Data.Sqlite;

namespace CollectionStore.Domain.Store.Sqlite;

/// <summary>
/// Brings the database in line with the model at open, in one transaction: the feed and meta tables, one table per
/// collection, and expression indexes for <c>@index</c>, <c>@unique</c> and relation keys. The fields each collection
/// had are recorded, so a field added later is detected: defaults are written into existing documents, and a new
/// non-null field without a default on a collection that has documents is refused (its documents would be invalid).
/// </summary>
internal sealed class SqliteSchemaMigrator(SqliteDatabase database, CollectionModel model)
{
    private const string BaseTables = """
        CREATE TABLE IF NOT EXISTS cs_meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
        INSERT OR IGNORE INTO cs_meta (key, value) VALUES ('last_sequence', 0);
        CREATE TABLE IF NOT EXISTS cs_collections (name TEXT PRIMARY KEY, fields TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS cs_changes (
            sequence INTEGER PRIMARY KEY, collection TEXT NOT NULL, doc_id TEXT NOT NULL, operation TEXT NOT NULL,
            version INTEGER NOT NULL, before TEXT, after TEXT, subject TEXT, at TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS ix_cs_changes_at ON cs_changes (at);
        """;

    private SqliteConnection Connection => database.Writer;

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await database.ExecuteAsync(Connection, "BEGIN IMMEDIATE;", cancellationToken);
        try
        {
            await database.ExecuteAsync(Connection, BaseTables, cancellationToken);
            foreach (var collection in model.Collections)
            {
                await MigrateCollectionAsync(collection, cancellationToken);
            }

            await database.ExecuteAsync(Connection, "COMMIT;", cancellationToken);
        }
        catch
        {
            await database.ExecuteAsync(Connection, "ROLLBACK;", CancellationToken.None);
            throw;
        }
    }

    /// <summary>The name of the UNIQUE index that enforces <paramref name="field"/>; SQLite names it in violations.</summary>
    public static string UniqueIndexName(string collection, string field) => SchemaPlan.UniqueIndexName(collection, field);

    private async Task MigrateCollectionAsync(CollectionDefinition collection, CancellationToken cancellationToken)
    {
        var table = SqliteDocumentRows.Table(collection);
        await database.ExecuteAsync(
            Connection,
            $"""
            CREATE TABLE IF NOT EXISTS {table} (
                id TEXT PRIMARY KEY, version INTEGER NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
                created_by TEXT, updated_by TEXT, data TEXT NOT NULL);
            """,
            cancellationToken);

        var recorded = await RecordedFieldsAsync(collection.Name, cancellationToken);
        var added = collection.Fields.Where(f => !recorded.Contains(f.Name)).ToList();
        var hasRows = added.Count > 0
            && await database.ScalarAsync(Connection, $"SELECT EXISTS (SELECT 1 FROM {table});", cancellationToken) is long and not 0;
        if (hasRows)
        {
            await BackfillAsync(collection, added, cancellationToken);
        }

        await SyncIndexesAsync(collection, cancellationToken);
        var names = JsonSerializer.Serialize(collection.Fields.Select(f => f.Name).ToArray());
        await database.ExecuteAsync(
            Connection,
            "INSERT INTO cs_collections (name, fields) VALUES (@name, @fields) ON CONFLICT (name) DO UPDATE SET fields = excluded.fields;",
            cancellationToken,
            ("@name", collection.Name),
            ("@fields", names));
    }

    private async Task<HashSet<string>> RecordedFieldsAsync(string collection, CancellationToken cancellationToken)
    {
        var json = await database.ScalarAsync(Connection, "SELECT fields FROM cs_collections WHERE name = @name;", cancellationToken, ("@name", collection)) as string;
        var names = json is null ? [] : JsonSerializer.Deserialize<string[]>(json) ?? [];
        return new HashSet<string>(names, StringComparer.Ordinal);
    }

    private async Task BackfillAsync(CollectionDefinition collection, List<FieldDefinition> added, CancellationToken cancellationToken)
    {
        SchemaPlan.CheckAddedFields(model, collection, added);
        foreach (var field in added.Where(f => f.HasDefault))
        {
            // Documents written before the field existed get its default, as if they had been created now.
            await database.ExecuteAsync(
                Connection,
                $"UPDATE {SqliteDocumentRows.Table(collection)} SET data = json_set(data, '$.{field.Name}', json(@value)) WHERE json_type(data, '$.{field.Name}') IS NULL;",
                cancellationToken,
                ("@value", field.Default?.ToJsonString() ?? "null"));
        }
    }

    private async Task SyncIndexesAsync(CollectionDefinition collection, CancellationToken cancellationToken)
    {
        var wanted = SchemaPlan.WantedIndexes(model, collection);
        var existing = new List<string>();
        await using (var command = database.Command(
            Connection,
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = @table AND (name LIKE 'ux\\_%' ESCAPE '\\' OR name LIKE 'ix\\_%' ESCAPE '\\');",
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
            await database.ExecuteAsync(Connection, $"DROP INDEX \"{stale}\";", cancellationToken);
        }

        foreach (var (name, (field, unique)) in wanted)
        {
            var kind = unique ? "UNIQUE INDEX" : "INDEX";
            await database.ExecuteAsync(
                Connection,
                $"CREATE {kind} IF NOT EXISTS \"{name}\" ON {SqliteDocumentRows.Table(collection)} (json_extract(data, '$.{field.Name}'));",
                cancellationToken);
        }
    }
}
