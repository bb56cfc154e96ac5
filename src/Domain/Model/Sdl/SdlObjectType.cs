namespace CollectionStore.Domain.Model.Sdl;

/// <summary>A <c>type Name @directives { fields }</c> definition; <see cref="Location"/> is its name's.</summary>
internal sealed record SdlObjectType(
    string Name,
    IReadOnlyList<SdlDirective> Directives,
    IReadOnlyList<SdlField> Fields,
    SourceLocation Location);
