namespace CollectionStore.Domain.Model.Sdl;

/// <summary>
/// A field's type as written: <c>Name</c>, <c>Name!</c>, <c>[Name]</c>, <c>[Name!]!</c>. Models do not
/// nest lists. <see cref="Location"/> is the named type's, so unknown-type errors point at the name.
/// </summary>
internal sealed record SdlTypeReference(
    string Name,
    bool IsList,
    bool NonNull,
    bool ElementNonNull,
    SourceLocation Location);
