using System.Text.Json.Nodes;
using CollectionStore.Domain.Documents;
using CollectionStore.Domain.Model;
using Microsoft.Data.Sqlite;

namespace CollectionStore.Domain.Store.Sqlite;

/// <summary>The <c>doc_&lt;Collection&gt;</c> table layout shared by every statement that reads or writes documents.</summary>
internal static class SqliteDocumentRows
{
    /// <summary>The columns <see cref="Read"/> expects first, in this order, qualified by an alias.</summary>
    public static string Columns(string alias) =>
        $"{alias}.id, {alias}.version, {alias}.created_at, {alias}.updated_at, {alias}.created_by, {alias}.updated_by, {alias}.data";

    public static string Table(CollectionDefinition collection) => $"\"doc_{collection.Name}\"";

    public static string Table(string collection) => $"\"doc_{collection}\"";

    public static Document Read(string collection, SqliteDataReader reader) =>
        new(
            collection,
            reader.GetString(0),
            reader.GetInt64(1),
            DateTimeFormat.Parse(reader.GetString(2)),
            DateTimeFormat.Parse(reader.GetString(3)),
            reader.IsDBNull(4) ? null : reader.GetString(4),
            reader.IsDBNull(5) ? null : reader.GetString(5),
            JsonNode.Parse(reader.GetString(6))?.AsObject() ?? []);

    /// <summary>The parameters <c>@id … @data</c> that store <paramref name="document"/>.</summary>
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
