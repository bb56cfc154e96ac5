using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CollectionStore.Domain.Documents;

namespace CollectionStore.Domain.Model.Binding;

/// <summary>
/// Checks one <c>@default(value:)</c> against its field's type and returns the stored form: IDs as
/// strings, Floats as doubles, DateTimes normalized to <see cref="DateTimeFormat"/>, embedded objects
/// completed with their fields' own defaults.
/// </summary>
internal sealed class DefaultValueCoercer
{
    private readonly Func<string, EnumDefinition> _enum;
    private readonly Func<string, EmbeddedTypeDefinition> _embedded;
    private readonly Func<string, ModelException> _error;

    public DefaultValueCoercer(
        Func<string, EnumDefinition> enumLookup,
        Func<string, EmbeddedTypeDefinition> embeddedLookup,
        Func<string, ModelException> error)
    {
        _enum = enumLookup;
        _embedded = embeddedLookup;
        _error = error;
    }

    public JsonNode? Coerce(JsonNode? value, FieldType type) => Coerce(value, type, "the value");

    private JsonNode? Coerce(JsonNode? value, FieldType type, string what)
    {
        if (value is null)
        {
            return type.NonNull ? throw _error($"{what} is null, but the type is non-null") : null;
        }

        if (!type.IsList)
        {
            return CoerceElement(value, type, what);
        }

        if (value is not JsonArray list)
        {
            throw _error($"{what} must be a list such as [], but it is {value.ToJsonString()}");
        }

        var element = type with { IsList = false, NonNull = type.ElementNonNull };
        var result = new JsonArray();
        for (var i = 0; i < list.Count; i++)
        {
            result.Add(Coerce(list[i], element, $"element {i}"));
        }

        return result;
    }

    private JsonNode CoerceElement(JsonNode value, FieldType type, string what) => type.Kind switch
    {
        FieldKind.Enum => CoerceEnum(value, _enum(type.TypeName), what),
        FieldKind.Embedded => CoerceObject(value, _embedded(type.TypeName), what),
        _ => CoerceScalar(value, type.TypeName, what),
    };

    private JsonValue CoerceScalar(JsonNode value, string scalar, string what)
    {
        var kind = value.GetValueKind();
        JsonValue? result = scalar switch
        {
            ScalarTypes.String when kind == JsonValueKind.String => value.AsValue(),
            ScalarTypes.Id when kind == JsonValueKind.String => value.AsValue(),
            ScalarTypes.Id when IsInteger(value) => JsonValue.Create(value.ToJsonString()),
            ScalarTypes.Int when value is JsonValue v && v.TryGetValue<int>(out var i) => JsonValue.Create(i),
            ScalarTypes.Float when kind == JsonValueKind.Number => JsonValue.Create(double.Parse(value.ToJsonString(), CultureInfo.InvariantCulture)),
            ScalarTypes.Boolean when kind is JsonValueKind.True or JsonValueKind.False => value.AsValue(),
            ScalarTypes.DateTime when kind == JsonValueKind.String && DateTimeFormat.TryNormalize(value.GetValue<string>(), out var stored) => JsonValue.Create(stored),
            _ => null,
        };
        return result?.DeepClone().AsValue() ?? throw _error($"{what} must be {Expected(scalar)}, but it is {value.ToJsonString()}");
    }

    private JsonValue CoerceEnum(JsonNode value, EnumDefinition definition, string what)
    {
        if (value.GetValueKind() == JsonValueKind.String && definition.Values.Contains(value.GetValue<string>(), StringComparer.Ordinal))
        {
            return JsonValue.Create(value.GetValue<string>());
        }

        throw _error($"{what} must be one of the {definition.Name} values {string.Join(", ", definition.Values)}, but it is {value.ToJsonString()}");
    }

    private JsonObject CoerceObject(JsonNode value, EmbeddedTypeDefinition definition, string what)
    {
        if (value is not JsonObject source)
        {
            throw _error($"{what} must be a {definition.Name} object, but it is {value.ToJsonString()}");
        }

        foreach (var (name, _) in source)
        {
            if (definition.FindField(name) is null)
            {
                throw _error($"{what} has the field '{name}', which the type {definition.Name} does not declare");
            }
        }

        var result = new JsonObject();
        foreach (var field in definition.Fields)
        {
            if (source.TryGetPropertyValue(field.Name, out var fieldValue))
            {
                result[field.Name] = Coerce(fieldValue, field.Type, $"the field '{field.Name}'");
            }
            else if (field.HasDefault)
            {
                result[field.Name] = field.Default?.DeepClone();
            }
            else if (field.Type.NonNull)
            {
                throw _error($"{what} lacks the non-null field '{field.Name}' of {definition.Name}");
            }
        }

        return result;
    }

    private static bool IsInteger(JsonNode value) =>
        value is JsonValue v && (v.TryGetValue<int>(out _) || v.TryGetValue<long>(out _));

    private static string Expected(string scalar) => scalar switch
    {
        ScalarTypes.Id => "an ID (a string or an integer)",
        ScalarTypes.Int => "a 32-bit integer",
        ScalarTypes.Float => "a number",
        ScalarTypes.Boolean => "true or false",
        ScalarTypes.DateTime => "an ISO-8601 date-time string with an offset or Z, such as \"2024-01-31T12:00:00Z\"",
        _ => "a string",
    };
}
