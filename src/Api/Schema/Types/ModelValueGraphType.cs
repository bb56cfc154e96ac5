using GraphQL.Types;
using GraphQLParser.AST;

namespace CollectionStore.Api.Schema.Types;

/// <summary>
/// The <c>ModelValue</c> scalar: the type of <c>@default(value:)</c> in the model directives, any GraphQL
/// literal. It only appears in the printed model directive definitions; no operation uses it.
/// </summary>
internal sealed class ModelValueGraphType : ScalarGraphType
{
    public ModelValueGraphType()
    {
        Name = "ModelValue";
        Description = "Any GraphQL literal (string, number, boolean, enum value, list or object); the value of @default.";
    }

    public override object? ParseLiteral(GraphQLValue value) => value;

    public override object? ParseValue(object? value) => value;

    public override object? Serialize(object? value) => value;
}
