using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CollectionStore.Api.Schema.Inputs;
using GraphQL.Types;
using GraphQLParser.AST;

namespace CollectionStore.Api.Schema.Identity;

/// <summary>
/// The <c>JSON</c> scalar: any JSON value (object, array, string, number, boolean). Inputs become
/// <see cref="JsonNode"/>s; outputs are written as plain dictionaries and lists so every transport's serializer
/// prints them the same way.
/// </summary>
internal sealed class JsonGraphType : ScalarGraphType
{
    public JsonGraphType()
    {
        Name = IdentityNames.JsonScalar;
        Description = "Any JSON value: an object, array, string, number or boolean.";
    }

    public override object? ParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLNullValue => null,
        GraphQLStringValue text => JsonValue.Create(text.Value.ToString()),
        GraphQLBooleanValue flag => JsonValue.Create(flag.BoolValue),
        GraphQLIntValue number => Integer(number.Value.Span),
        GraphQLFloatValue number => JsonValue.Create(double.Parse(number.Value.Span, NumberStyles.Float, CultureInfo.InvariantCulture)),
        GraphQLEnumValue name => JsonValue.Create(name.Name.StringValue),
        GraphQLListValue list => new JsonArray(list.Values?.Select(ParseLiteral).Cast<JsonNode?>().ToArray() ?? []),
        GraphQLObjectValue obj => Object(obj),
        _ => ThrowLiteralConversionError(value),
    };

    public override object? ParseValue(object? value) => InputJson.ToJson(value);

    public override object? Serialize(object? value) => value switch
    {
        null => null,
        JsonNode node => Plain(node),
        _ => Plain(InputJson.ToJson(value)),
    };

    private static JsonValue Integer(ReadOnlySpan<char> text) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole)
            ? JsonValue.Create(whole)
            : JsonValue.Create(decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));

    // The node may hold any CLR number; its JSON text is the one form every numeric node agrees on.
    private static object Number(string text) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole) ? whole
        : decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var exact) ? exact
        : double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private JsonObject Object(GraphQLObjectValue value)
    {
        var json = new JsonObject();
        foreach (var field in value.Fields ?? [])
        {
            json[field.Name.StringValue] = (JsonNode?)ParseLiteral(field.Value);
        }

        return json;
    }

    private static object? Plain(JsonNode? node) => node switch
    {
        null => null,
        JsonObject obj => obj.ToDictionary(p => p.Key, p => Plain(p.Value), StringComparer.Ordinal),
        JsonArray array => array.Select(Plain).ToList(),
        _ => Scalar(node.AsValue()),
    };

    private static object? Scalar(JsonValue value) => value.GetValueKind() switch
    {
        JsonValueKind.String => value.GetValue<string>(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number => Number(value.ToJsonString()),
        JsonValueKind.Null => null,
        _ => value.ToJsonString(),
    };
}
