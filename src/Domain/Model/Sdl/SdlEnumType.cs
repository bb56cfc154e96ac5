namespace CollectionStore.Domain.Model.Sdl;

/// <summary>An <c>enum Name { VALUES }</c> definition; <see cref="Location"/> is its name's.</summary>
internal sealed record SdlEnumType(
    string Name,
    IReadOnlyList<SdlDirective> Directives,
    IReadOnlyList<SdlEnumValue> Values,
    SourceLocation Location);
