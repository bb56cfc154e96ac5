using System.Text.Json.Nodes;

namespace CollectionStore.Domain.Model;

/// <summary>
/// A directive as written in the model (<c>@allow(...)</c>, <c>@role(...)</c>, <c>@index</c> …), kept in a
/// generic form so features that interpret directives later (authorization rules) can read them.
/// Argument values are JSON: strings, numbers, booleans, null, lists, objects; enum literals become strings.
/// </summary>
public sealed record DirectiveUse(
    string Name,
    IReadOnlyDictionary<string, JsonNode?> Arguments,
    SourceLocation Location)
{
    /// <summary>Returns the argument's value, or null when it is absent or explicitly null.</summary>
    public JsonNode? GetArgument(string name) => Arguments.TryGetValue(name, out var value) ? value : null;
}
