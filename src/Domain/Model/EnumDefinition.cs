namespace CollectionStore.Domain.Model;

/// <summary>An enum declared in the model; values are stored as their names.</summary>
public sealed record EnumDefinition(string Name, IReadOnlyList<string> Values, SourceLocation Location);
