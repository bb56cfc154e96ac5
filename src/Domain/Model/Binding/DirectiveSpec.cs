namespace CollectionStore.Domain.Model.Binding;

/// <summary>
/// What the model accepts for one directive: where it may appear, its arguments (null: any, for
/// directives kept for later features) and whether it may repeat.
/// </summary>
internal sealed record DirectiveSpec(
    string Name,
    IReadOnlySet<DirectiveSite> Sites,
    IReadOnlyList<string>? Arguments,
    IReadOnlyList<string> RequiredArguments,
    bool Repeatable);
