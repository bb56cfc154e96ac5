using CollectionStore.Domain.Model.Sdl;

namespace CollectionStore.Domain.Model.Binding;

/// <summary>Turns a written type reference into a stored field's <see cref="FieldType"/>.</summary>
internal static class FieldTypeResolver
{
    /// <summary>
    /// Resolves a scalar, enum or embedded type; throws for unknown names. Collection types are not
    /// stored fields: callers handle them as relations before calling this.
    /// </summary>
    public static FieldType Resolve(SdlTypeReference reference, ModelSymbols symbols)
    {
        var kind = KindOf(reference, symbols);
        return new FieldType(kind, reference.Name, reference.IsList, reference.NonNull, reference.ElementNonNull);
    }

    private static FieldKind KindOf(SdlTypeReference reference, ModelSymbols symbols)
    {
        if (ScalarTypes.All.Contains(reference.Name))
        {
            return FieldKind.Scalar;
        }

        return symbols.Find(reference.Name) switch
        {
            TypeCategory.Enum => FieldKind.Enum,
            TypeCategory.Embedded => FieldKind.Embedded,
            TypeCategory.Collection => throw symbols.Error(reference.Location, $"The collection '{reference.Name}' can only be used by a relation field."),
            _ => throw symbols.Error(reference.Location, $"Unknown type '{reference.Name}'. Use ID, String, Int, Float, Boolean, DateTime, or a type or enum declared in the model."),
        };
    }
}
