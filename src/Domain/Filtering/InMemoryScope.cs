using System.Text.Json.Nodes;
using CollectionStore.Domain.Documents;

namespace CollectionStore.Domain.Filtering;

/// <summary>
/// Where a filter node's values live in memory: a document (<see cref="Document"/>), or a JSON object or scalar
/// list element (<see cref="Node"/>). A null <see cref="Node"/> reads as an object whose fields are all null,
/// as <c>json_extract(NULL, …)</c> does.
/// </summary>
internal sealed record InMemoryScope(FilterScope Type, Document? Document, JsonNode? Node)
{
    public JsonNode? Value(string? field)
    {
        if (field is null)
        {
            return Node;
        }

        if (Document is not null)
        {
            return Type.IsSystemField(field)
                ? DocumentValues.Get(Document, [field])
                : Document.Data.TryGetPropertyValue(field, out var value) ? value : null;
        }

        return Node is JsonObject obj && obj.TryGetPropertyValue(field, out var child) ? child : null;
    }
}
