using System.Text.Json.Nodes;

namespace CollectionStore.Domain.Model;

/// <summary>
/// A stored field of a collection or embedded type. <see cref="Default"/> is the
/// <c>@default(value:)</c> applied on create when the input omits the field.
/// </summary>
public sealed record FieldDefinition(
    string Name,
    FieldType Type,
    bool Indexed,
    bool Unique,
    JsonNode? Default,
    bool HasDefault,
    SourceLocation Location)
{
    /// <summary>Every directive on the field (<c>@index</c>, <c>@default</c>, <c>@allow</c> …), in source order.</summary>
    public IReadOnlyList<DirectiveUse> Directives { get; init; } = [];
}
