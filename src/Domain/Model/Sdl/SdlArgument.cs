using System.Text.Json.Nodes;

namespace CollectionStore.Domain.Model.Sdl;

/// <summary>
/// One directive argument: its name's location and its value's, for precise errors.
/// <see cref="EnumLiterals"/> holds (by reference) the nodes of <see cref="Value"/> written as enum
/// literals rather than strings, which JSON cannot tell apart.
/// </summary>
internal sealed record SdlArgument(
    string Name,
    JsonNode? Value,
    IReadOnlySet<JsonNode> EnumLiterals,
    SourceLocation Location,
    SourceLocation ValueLocation)
{
    /// <summary>Whether the node was written as a quoted string (or block string).</summary>
    public bool IsStringLiteral(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.String && !EnumLiterals.Contains(node);
}
