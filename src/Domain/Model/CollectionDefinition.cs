namespace CollectionStore.Domain.Model;

/// <summary>
/// One <c>@collection</c> type: its stored fields and its relations. System fields
/// (<see cref="SystemFields"/>) are implicit and not listed in <see cref="Fields"/>.
/// </summary>
public sealed record CollectionDefinition(
    string Name,
    IReadOnlyList<FieldDefinition> Fields,
    IReadOnlyList<RelationDefinition> Relations,
    SourceLocation Location)
{
    /// <summary>Every directive on the type (including <c>@collection</c>), in source order.</summary>
    public IReadOnlyList<DirectiveUse> Directives { get; init; } = [];

    /// <summary>The camel-case singular used for by-id queries and subscriptions (<c>task</c>).</summary>
    public string SingularName => char.ToLowerInvariant(Name[0]) + Name[1..];

    /// <summary>The camel-case plural used for list queries (<c>tasks</c>).</summary>
    public string PluralName => Pluralizer.Pluralize(SingularName);

    /// <summary>Finds a stored field by name, or returns null.</summary>
    public FieldDefinition? FindField(string name) =>
        Fields.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.Ordinal));

    /// <summary>Finds a relation by its field name, or returns null.</summary>
    public RelationDefinition? FindRelation(string name) =>
        Relations.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.Ordinal));
}
