namespace CollectionStore.Domain.Model;

/// <summary>
/// The declared type of a stored field: a scalar, an enum or an embedded object, optionally a list.
/// For lists <see cref="NonNull"/> is the list's own nullability and <see cref="ElementNonNull"/> its elements'.
/// </summary>
public sealed record FieldType(FieldKind Kind, string TypeName, bool IsList, bool NonNull, bool ElementNonNull)
{
    /// <summary>The GraphQL type reference as written in SDL, e.g. <c>[String!]!</c>.</summary>
    public override string ToString()
    {
        var element = IsList ? TypeName + (ElementNonNull ? "!" : string.Empty) : TypeName;
        var type = IsList ? "[" + element + "]" : element;
        return NonNull ? type + "!" : type;
    }
}

/// <summary>What a field's element type is.</summary>
public enum FieldKind
{
    /// <summary>One of <see cref="ScalarTypes"/>.</summary>
    Scalar,

    /// <summary>An enum of the model; stored as the value's name.</summary>
    Enum,

    /// <summary>An embedded object type of the model; stored as a JSON object.</summary>
    Embedded,
}
