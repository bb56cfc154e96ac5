using CollectionStore.Domain.Model;

namespace CollectionStore.Domain.Store.Sqlite;

/// <summary>The <c>doc_&lt;Collection&gt;</c> table layout shared by every statement that reads or writes documents.</summary>
internal static class SqliteDocumentRows
{
    /// <summary>The columns <see cref="DocumentRows.Read"/> expects first, in this order, qualified by an alias.</summary>
    public static string Columns(string alias) =>
        $"{alias}.id, {alias}.version, {alias}.created_at, {alias}.updated_at, {alias}.created_by, {alias}.updated_by, {alias}.data";

    public static string Table(CollectionDefinition collection) => $"\"doc_{collection.Name}\"";

    public static string Table(string collection) => $"\"doc_{collection}\"";
}
