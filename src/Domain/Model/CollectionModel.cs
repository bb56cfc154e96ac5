namespace CollectionStore.Domain.Model;

/// <summary>
/// The model parsed from <c>schema.graphql</c>: the collections, the embedded object types and the
/// enums they use. It is immutable and shared by the store, the filter evaluators and the API.
/// </summary>
public sealed record CollectionModel(
    IReadOnlyList<CollectionDefinition> Collections,
    IReadOnlyList<EmbeddedTypeDefinition> EmbeddedTypes,
    IReadOnlyList<EnumDefinition> Enums,
    string SourcePath)
{
    /// <summary>The directives of <c>extend schema</c> (<c>@role</c> …), in source order.</summary>
    public IReadOnlyList<DirectiveUse> SchemaDirectives { get; init; } = [];

    /// <summary>Finds a collection by its type name (<c>Task</c>), or returns null.</summary>
    public CollectionDefinition? FindCollection(string name) =>
        Collections.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal));

    /// <summary>Finds a collection by its type name, throwing when the model has none.</summary>
    public CollectionDefinition GetCollection(string name) =>
        FindCollection(name) ?? throw new KeyNotFoundException($"The model has no collection '{name}'.");

    /// <summary>Finds an embedded object type by name, or returns null.</summary>
    public EmbeddedTypeDefinition? FindEmbeddedType(string name) =>
        EmbeddedTypes.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.Ordinal));

    /// <summary>Finds an enum by name, or returns null.</summary>
    public EnumDefinition? FindEnum(string name) =>
        Enums.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.Ordinal));
}
