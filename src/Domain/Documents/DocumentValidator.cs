using System.Text.Json;
using System.Text.Json.Nodes;
using CollectionStore.Domain.Model;
using CollectionStore.Domain.Store;

namespace CollectionStore.Domain.Documents;

/// <summary>
/// Checks document data against the model before it is stored: applies <c>@default</c>s, rejects unknown
/// fields, checks types recursively (embedded objects, lists, element nullability) and normalizes DateTime values.
/// Every error is an <see cref="InvalidDocumentException"/> whose message names the field path.
/// The result is always a fresh tree, so the caller's input is never re-parented or changed.
/// </summary>
internal sealed class DocumentValidator(CollectionModel model)
{
    /// <summary>Validates the data of a new document and fills omitted fields from their defaults.</summary>
    public JsonObject ValidateCreate(CollectionDefinition collection, JsonObject input) =>
        ValidateObject(collection.Name, collection.Fields, input, string.Empty);

    /// <summary>
    /// Applies <paramref name="patch"/> to <paramref name="stored"/>: present keys replace, JSON null clears a nullable
    /// field. Stored keys the model no longer declares are dropped so an old field never blocks an update.
    /// </summary>
    public JsonObject ApplyPatch(CollectionDefinition collection, JsonObject stored, JsonObject patch)
    {
        var result = new JsonObject();
        foreach (var field in collection.Fields)
        {
            if (stored.TryGetPropertyValue(field.Name, out var value))
            {
                result[field.Name] = value?.DeepClone();
            }
        }

        foreach (var (name, value) in patch)
        {
            var field = collection.FindField(name) ?? throw UnknownField(collection.Name, name);
            result[name] = ValidateValue(field.Type, value, name, isElement: false);
        }

        return result;
    }

    private JsonObject ValidateObject(string typeName, IReadOnlyList<FieldDefinition> fields, JsonObject input, string prefix)
    {
        foreach (var (name, _) in input)
        {
            if (!fields.Any(f => string.Equals(f.Name, name, StringComparison.Ordinal)))
            {
                throw UnknownField(typeName, prefix + name);
            }
        }

        var result = new JsonObject();
        foreach (var field in fields)
        {
            var path = prefix + field.Name;
            if (input.TryGetPropertyValue(field.Name, out var value))
            {
                result[field.Name] = ValidateValue(field.Type, value, path, isElement: false);
            }
            else if (field.HasDefault)
            {
                result[field.Name] = field.Default?.DeepClone();
            }
            else if (field.Type.NonNull)
            {
                throw new InvalidDocumentException($"Field '{path}' of {typeName} is required.");
            }
        }

        return result;
    }

    private JsonNode? ValidateValue(FieldType type, JsonNode? value, string path, bool isElement)
    {
        var nonNull = isElement ? type.ElementNonNull : type.NonNull;
        if (value is null || value.GetValueKind() == JsonValueKind.Null)
        {
            return nonNull ? throw new InvalidDocumentException($"Field '{path}' cannot be null.") : null;
        }

        if (type.IsList && !isElement)
        {
            if (value is not JsonArray array)
            {
                throw Mismatch(path, $"a list of {type.TypeName}");
            }

            var result = new JsonArray();
            for (var i = 0; i < array.Count; i++)
            {
                result.Add(ValidateValue(type, array[i], $"{path}[{i}]", isElement: true));
            }

            return result;
        }

        return type.Kind switch
        {
            FieldKind.Scalar => ValidateScalar(type.TypeName, value, path),
            FieldKind.Enum => ValidateEnum(type.TypeName, value, path),
            _ => ValidateEmbedded(type.TypeName, value, path),
        };
    }

    private JsonObject ValidateEmbedded(string typeName, JsonNode value, string path)
    {
        var embedded = model.FindEmbeddedType(typeName)
            ?? throw new InvalidOperationException($"The model has no embedded type '{typeName}'.");
        return value is JsonObject obj
            ? ValidateObject(typeName, embedded.Fields, obj, path + ".")
            : throw Mismatch(path, $"an object of type {typeName}");
    }

    private JsonValue ValidateEnum(string typeName, JsonNode value, string path)
    {
        var definition = model.FindEnum(typeName)
            ?? throw new InvalidOperationException($"The model has no enum '{typeName}'.");
        if (value.GetValueKind() == JsonValueKind.String
            && definition.Values.Contains(value.GetValue<string>(), StringComparer.Ordinal))
        {
            return JsonValue.Create(value.GetValue<string>());
        }

        throw Mismatch(path, $"one of {typeName} ({string.Join(", ", definition.Values)})");
    }

    private static JsonValue ValidateScalar(string typeName, JsonNode value, string path)
    {
        var kind = value.GetValueKind();
        switch (typeName)
        {
            case ScalarTypes.Id:
            case ScalarTypes.String:
                return kind == JsonValueKind.String ? JsonValue.Create(value.GetValue<string>()) : throw Mismatch(path, typeName);
            case ScalarTypes.Boolean:
                return kind is JsonValueKind.True or JsonValueKind.False
                    ? JsonValue.Create(kind == JsonValueKind.True)
                    : throw Mismatch(path, typeName);
            case ScalarTypes.Int:
                return JsonNumbers.TryGetInt32(value, out var i) ? JsonValue.Create(i) : throw Mismatch(path, "an Int (a 32-bit integer)");
            case ScalarTypes.Float:
                return JsonNumbers.TryGetDouble(value, out var d) ? JsonValue.Create(d) : throw Mismatch(path, "a Float");
            case ScalarTypes.DateTime:
                return kind == JsonValueKind.String && DateTimeFormat.TryNormalize(value.GetValue<string>(), out var normalized)
                    ? JsonValue.Create(normalized)
                    : throw Mismatch(path, "a DateTime (ISO-8601 with Z or an offset)");
            default:
                throw new InvalidOperationException($"Unsupported scalar type '{typeName}'.");
        }
    }

    private static InvalidDocumentException UnknownField(string typeName, string path) =>
        new($"Field '{path}' is not defined on {typeName}.");

    private static InvalidDocumentException Mismatch(string path, string expected) =>
        new($"Field '{path}' must be {expected}.");
}
