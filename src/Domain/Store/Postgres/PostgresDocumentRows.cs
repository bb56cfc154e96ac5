using System.Text.Json.Nodes;
using CollectionStore.Domain.Documents;
using CollectionStore.Domain.Model;
using Npgsql;

namespace CollectionStore.Domain.Store.Postgres;

/// <summary>
/// The <c>doc_&lt;Collection&gt;</c> table layout on PostgreSQL: the system fields as <c>text COLLATE "C"</c> and
/// <c>bigint</c> columns (the same values and binary text order as on SQLite) and the user fields in one
/// <c>jsonb</c> column <c>data</c>.
/// </summary>
internal static class PostgresDocumentRows
{
    /// <summary>The columns <see cref="Read"/> expects first, in this order, qualified by an alias.</summary>
    public static string Columns(string alias) =>
        $"{alias}.id, {alias}.version, {alias}.created_at, {alias}.updated_at, {alias}.created_by, {alias}.updated_by, {alias}.data::text";

    public static string Table(CollectionDefinition collection) => Filtering.SqlNames.Table(collection);

    public static string CreateTable(CollectionDefinition collection) => CreateTable(Table(collection));

    /// <summary>The statement that creates a documents table named <paramref name="quotedTable"/> (already quoted).</summary>
    public static string CreateTable(string quotedTable) => $"""
        CREATE TABLE IF NOT EXISTS {quotedTable} (
            id text COLLATE "C" PRIMARY KEY, version bigint NOT NULL, created_at text COLLATE "C" NOT NULL,
            updated_at text COLLATE "C" NOT NULL, created_by text COLLATE "C", updated_by text COLLATE "C", data jsonb NOT NULL);
        """;

    public static Document Read(string collection, NpgsqlDataReader reader) =>
        new(
            collection,
            reader.GetString(0),
            reader.GetInt64(1),
            DateTimeFormat.Parse(reader.GetString(2)),
            DateTimeFormat.Parse(reader.GetString(3)),
            reader.IsDBNull(4) ? null : reader.GetString(4),
            reader.IsDBNull(5) ? null : reader.GetString(5),
            JsonNode.Parse(reader.GetString(6))?.AsObject() ?? []);

    /// <summary>The parameters <c>@id … @data</c> that store <paramref name="document"/>; SQL casts <c>@data</c> to jsonb.</summary>
    public static (string Name, object? Value)[] Parameters(Document document) =>
    [
        ("@id", document.Id),
        ("@version", document.Version),
        ("@created_at", DateTimeFormat.Format(document.CreatedAt)),
        ("@updated_at", DateTimeFormat.Format(document.UpdatedAt)),
        ("@created_by", document.CreatedBy),
        ("@updated_by", document.UpdatedBy),
        ("@data", document.Data.ToJsonString()),
    ];
}
