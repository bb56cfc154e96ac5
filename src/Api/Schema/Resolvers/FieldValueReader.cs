using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CollectionStore.Domain.Documents;
using CollectionStore.Domain.Model;

namespace CollectionStore.Api.Schema.Resolvers;

/// <summary>
/// Reads stored field values for output: the source of a collection type is a <see cref="Document"/>, the
/// source of an embedded type is its <see cref="JsonObject"/>. Scalars become the CLR values GraphQL.NET's
/// scalars serialize; embedded objects stay JSON objects for their own field resolvers.
/// </summary>
internal static class FieldValueReader
{
    public static JsonNode? Read(object? source, string field) => source switch
    {
        Document document => document.Data.TryGetPropertyValue(field, out var value) ? value : null,
        JsonObject json => json.TryGetPropertyValue(field, out var value) ? value : null,
        _ => null,
    };

    public static string? ReadString(object? source, string field) =>
        Read(source, field) is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    public static object? ToOutput(JsonNode? node, FieldType type)
    {
        if (node is null)
        {
            return null;
        }

        if (type.IsList)
        {
            return node is JsonArray array ? array.Select(element => ToElement(element, type)).ToList() : null;
        }

        return ToElement(node, type);
    }

    private static object? ToElement(JsonNode? node, FieldType type)
    {
        if (node is null)
        {
            return null;
        }

        if (type.Kind == FieldKind.Embedded)
        {
            return node as JsonObject;
        }

        if (node is not JsonValue value)
        {
            return null;
        }

        return type.TypeName switch
        {
            ScalarTypes.Int => (int)Number(value),
            ScalarTypes.Float => Number(value),
            ScalarTypes.Boolean => value.GetValue<bool>(),
            _ => value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString(),
        };
    }

    // The JSON text is the one form every numeric JsonValue (parsed or created from a CLR number) has.
    private static double Number(JsonValue value) => double.Parse(value.ToJsonString(), CultureInfo.InvariantCulture);
}
