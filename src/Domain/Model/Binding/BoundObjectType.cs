using CollectionStore.Domain.Model.Sdl;

namespace CollectionStore.Domain.Model.Binding;

/// <summary>
/// An object type after its stored fields are resolved (defaults not yet applied) and its relation
/// fields set aside for <see cref="RelationBinder"/>.
/// </summary>
internal sealed record BoundObjectType(
    SdlObjectType Syntax,
    bool IsCollection,
    IReadOnlyList<FieldDefinition> Fields,
    IReadOnlyList<SdlField> RelationFields);
