using System.Data.Common;
using System.Text.Json.Nodes;
using CollectionStore.Domain.Documents;

namespace CollectionStore.Domain.Store;

/// <summary>
/// A document row as every provider selects and binds it: <c>id, version, created_at, updated_at, created_by,
/// updated_by, data</c> (the JSON as text), in that order; the providers' row classes name the columns and tables.
/// </summary>
internal static class DocumentRows
{
    public static Document Read(string collection, DbDataReader reader) =>
        new(
            collection,
            reader.GetString(0),
            reader.GetInt64(1),
            DateTimeFormat.Parse(reader.GetString(2)),
            DateTimeFormat.Parse(reader.GetString(3)),
            reader.IsDBNull(4) ? null : reader.GetString(4),
            reader.IsDBNull(5) ? null : reader.GetString(5),
            JsonNode.Parse(reader.GetString(6))?.AsObject() ?? []);

    /// <summary>The parameters <c>@id … @data</c> that store <paramref name="document"/> (<c>@data</c> as JSON text).</summary>
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
