namespace CollectionStore.Domain.Model.Sdl;

/// <summary>A field of an object type; <see cref="Location"/> is its name's.</summary>
internal sealed record SdlField(
    string Name,
    SdlTypeReference Type,
    IReadOnlyList<SdlDirective> Directives,
    SourceLocation Location)
{
    /// <summary>Finds the field's directive with the given name, or returns null.</summary>
    public SdlDirective? FindDirective(string name) =>
        Directives.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.Ordinal));
}
