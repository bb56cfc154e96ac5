using System.Collections;
using System.Globalization;
using System.Text.Json.Nodes;

namespace CollectionStore.Api.Schema.Inputs;

/// <summary>
/// Turns values GraphQL.NET parsed from arguments (dictionaries for input objects, lists, scalars; DateTime
/// already in stored form) into the JSON the store and the filter AST hold.
/// </summary>
internal static class InputJson
{
    public static JsonNode? ToJson(object? value) => value switch
    {
        null => null,
        JsonNode node => node.DeepClone(),
        string text => JsonValue.Create(text),
        bool flag => JsonValue.Create(flag),
        int number => JsonValue.Create(number),
        long number => JsonValue.Create(number),
        double number => JsonValue.Create(number),
        float number => JsonValue.Create((double)number),
        decimal number => JsonValue.Create(number),
        System.Numerics.BigInteger number => JsonValue.Create((decimal)number),
        IDictionary<string, object?> map => ToJsonObject(map),
        IEnumerable list => new JsonArray(list.Cast<object?>().Select(ToJson).ToArray()),
        IFormattable formattable => JsonValue.Create(formattable.ToString(null, CultureInfo.InvariantCulture)),
        _ => JsonValue.Create(value.ToString()),
    };

    public static JsonObject ToJsonObject(IDictionary<string, object?> map)
    {
        var json = new JsonObject();
        foreach (var (key, value) in map)
        {
            json[key] = ToJson(value);
        }

        return json;
    }

    /// <summary>The input object of an argument or field, or an INVALID_INPUT error naming it.</summary>
    public static IDictionary<string, object?> AsObject(object? value, string what) =>
        value as IDictionary<string, object?> ?? throw SchemaErrors.InvalidInput($"'{what}' must be an input object.");

    /// <summary>The elements of a list argument; a single value counts as a one-element list (input coercion).</summary>
    public static IReadOnlyList<object?> AsList(object? value, string what) => value switch
    {
        null => throw SchemaErrors.InvalidInput($"'{what}' cannot be null."),
        string or IDictionary<string, object?> => [value],
        IEnumerable list => list.Cast<object?>().ToList(),
        _ => [value],
    };
}
