using System.Text.Json.Nodes;

namespace CollectionStore.Domain.Model.Sdl;

/// <summary>A directive use, <c>@name(arg: value …)</c>; <see cref="Location"/> is the <c>@</c>'s.</summary>
internal sealed record SdlDirective(string Name, IReadOnlyList<SdlArgument> Arguments, SourceLocation Location)
{
    /// <summary>Finds an argument by name, or returns null.</summary>
    public SdlArgument? FindArgument(string name) =>
        Arguments.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.Ordinal));

    /// <summary>The public, generic form kept on the model for later features.</summary>
    public DirectiveUse ToUse()
    {
        var arguments = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var argument in Arguments)
        {
            arguments[argument.Name] = argument.Value;
        }

        return new DirectiveUse(Name, arguments, Location);
    }
}
