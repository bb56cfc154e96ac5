using System.Text.Json.Nodes;
using CollectionStore.Domain.Documents;
using CollectionStore.Domain.Model;

namespace CollectionStore.Domain.Filtering;

/// <summary>
/// Reads a field path of a document as JSON: system fields (version as a number, timestamps in
/// <see cref="DateTimeFormat"/>) and user fields through embedded objects. A missing value is null.
/// </summary>
public static class DocumentValues
{
    public static JsonNode? Get(Document doc, IReadOnlyList<string> path)
    {
        if (path.Count == 0)
        {
            throw new ArgumentException("A field path needs at least one field.", nameof(path));
        }

        if (path.Count == 1 && SystemFields.All.Contains(path[0]))
        {
            return System(doc, path[0]);
        }

        JsonNode? node = doc.Data;
        foreach (var segment in path)
        {
            node = node is JsonObject obj && obj.TryGetPropertyValue(segment, out var child) ? child : null;
        }

        return node;
    }

    private static JsonValue? System(Document doc, string field) => field switch
    {
        SystemFields.Id => JsonValue.Create(doc.Id),
        SystemFields.Version => JsonValue.Create(doc.Version),
        SystemFields.CreatedAt => JsonValue.Create(DateTimeFormat.Format(doc.CreatedAt)),
        SystemFields.UpdatedAt => JsonValue.Create(DateTimeFormat.Format(doc.UpdatedAt)),
        SystemFields.CreatedBy => doc.CreatedBy is null ? null : JsonValue.Create(doc.CreatedBy),
        _ => doc.UpdatedBy is null ? null : JsonValue.Create(doc.UpdatedBy),
    };
}
