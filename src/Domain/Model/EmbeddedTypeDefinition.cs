namespace CollectionStore.Domain.Model;

/// <summary>An object type without <c>@collection</c>: stored inside the documents that use it.</summary>
public sealed record EmbeddedTypeDefinition(
    string Name,
    IReadOnlyList<FieldDefinition> Fields,
    SourceLocation Location)
{
    /// <summary>Finds a field by name, or returns null.</summary>
    public FieldDefinition? FindField(string name) =>
        Fields.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.Ordinal));
}
