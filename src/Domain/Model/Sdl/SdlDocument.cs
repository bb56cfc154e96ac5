namespace CollectionStore.Domain.Model.Sdl;

/// <summary>The syntax tree of a model file, before names and directives are checked.</summary>
internal sealed record SdlDocument(
    IReadOnlyList<SdlObjectType> ObjectTypes,
    IReadOnlyList<SdlEnumType> Enums,
    IReadOnlyList<SdlDirective> SchemaDirectives);
