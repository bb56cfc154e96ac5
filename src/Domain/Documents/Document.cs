using System.Text.Json.Nodes;

namespace CollectionStore.Domain.Documents;

/// <summary>
/// A stored document: the system fields the store maintains plus <see cref="Data"/>, the user fields
/// declared in the model (embedded objects and lists as JSON). <see cref="Data"/> never holds system fields.
/// DateTime values inside <see cref="Data"/> are ISO-8601 UTC strings in <see cref="DateTimeFormat"/>.
/// </summary>
public sealed record Document(
    string Collection,
    string Id,
    long Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string? CreatedBy,
    string? UpdatedBy,
    JsonObject Data);
