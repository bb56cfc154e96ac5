using System.Text.Json.Nodes;

namespace CollectionStore.Domain.Filtering;

/// <summary>
/// A keyset cursor read back by <see cref="CursorCodec"/>: the sort key values of the document it points at
/// (one per <see cref="SortField"/>, JSON null for a null key) and that document's id, the final tie-breaker.
/// </summary>
public sealed record DecodedCursor(IReadOnlyList<JsonNode?> Values, string Id);
