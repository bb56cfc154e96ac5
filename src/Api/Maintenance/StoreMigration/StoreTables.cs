namespace CollectionStore.Api.Maintenance.StoreMigration;

/// <summary>
/// Collection Store's tables, named the same in SQLite and PostgreSQL: the documents <c>doc_&lt;Collection&gt;</c>,
/// the store's <c>cs_meta</c>, <c>cs_collections</c> and <c>cs_changes</c>, and identity's <c>cs_users</c>,
/// <c>cs_sessions</c>, <c>cs_refresh_tokens</c> and <c>cs_audit</c>.
/// </summary>
internal static class StoreTables
{
    public const string Meta = "cs_meta";
    public const string Collections = "cs_collections";
    public const string Changes = "cs_changes";
    public const string Users = "cs_users";
    public const string Sessions = "cs_sessions";
    public const string RefreshTokens = "cs_refresh_tokens";
    public const string Audit = "cs_audit";
    public const string LastSequenceKey = "last_sequence";

    private const string DocumentPrefix = "doc_";
    private const string SystemPrefix = "cs_";

    /// <summary>The tables whose rows mean a database is in use (cs_meta and cs_collections are written by any start).</summary>
    public static readonly string[] DataTables = [Changes, Users, Sessions, RefreshTokens, Audit];

    // Parents first: sessions reference users, refresh tokens reference sessions.
    private static readonly string[] SystemOrder = [Meta, Collections, Users, Sessions, RefreshTokens, Audit, Changes];

    public static bool IsDocuments(string table) => table.StartsWith(DocumentPrefix, StringComparison.Ordinal);

    /// <summary>True for the tables migrate-store moves; anything else in the SQLite file is not Collection Store's.</summary>
    public static bool IsStoreTable(string table) => IsDocuments(table) || table.StartsWith(SystemPrefix, StringComparison.Ordinal);

    /// <summary>The store tables of <paramref name="tables"/> in the order they are copied.</summary>
    public static IReadOnlyList<string> CopyOrder(IEnumerable<string> tables)
    {
        var present = tables.Where(IsStoreTable).ToHashSet(StringComparer.Ordinal);
        var known = SystemOrder.Where(present.Contains).ToList();
        var others = present.Except(SystemOrder).Where(t => !IsDocuments(t)).Order(StringComparer.Ordinal);
        var documents = present.Where(IsDocuments).Order(StringComparer.Ordinal);
        return [.. known, .. others, .. documents];
    }

    /// <summary>A double-quoted identifier, the same syntax in SQLite and PostgreSQL.</summary>
    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>
    /// The layout of a documents table in PostgreSQL (as the document store creates it), for the tables of
    /// collections the model no longer has: SQLite keeps their rows, so the move keeps them too.
    /// </summary>
    public static string CreateDocumentsTable(string table) => Domain.Store.Postgres.PostgresDocumentStore.CreateDocumentsTableStatement(table);
}
