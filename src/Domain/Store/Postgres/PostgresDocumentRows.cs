using CollectionStore.Domain.Model;

namespace CollectionStore.Domain.Store.Postgres;

/// <summary>
/// The <c>doc_&lt;Collection&gt;</c> table layout on PostgreSQL: the system fields as <c>text COLLATE "C"</c> and
/// <c>bigint</c> columns (the same values and binary text order as on SQLite) and the user fields in one
/// <c>jsonb</c> column <c>data</c>.
/// </summary>
internal static class PostgresDocumentRows
{
    /// <summary>The columns <see cref="DocumentRows.Read"/> expects first, in this order, qualified by an alias.</summary>
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
}
