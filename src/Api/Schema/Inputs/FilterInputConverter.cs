using System.Globalization;
using System.Text.Json.Nodes;
using CollectionStore.Domain.Filtering;
using CollectionStore.Domain.Model;

namespace CollectionStore.Api.Schema.Inputs;

/// <summary>
/// Converts a parsed <c>where</c> argument (nested dictionaries shaped by the filter input types) into the
/// filter AST. Several fields in one input object are combined with AND, as HotChocolate does.
/// </summary>
internal sealed class FilterInputConverter(CollectionModel model)
{
    private static readonly Dictionary<string, ComparisonOperator> Operators = new(StringComparer.Ordinal)
    {
        ["eq"] = ComparisonOperator.Eq,
        ["neq"] = ComparisonOperator.Neq,
        ["in"] = ComparisonOperator.In,
        ["nin"] = ComparisonOperator.Nin,
        ["contains"] = ComparisonOperator.Contains,
        ["ncontains"] = ComparisonOperator.NContains,
        ["startsWith"] = ComparisonOperator.StartsWith,
        ["nstartsWith"] = ComparisonOperator.NStartsWith,
        ["endsWith"] = ComparisonOperator.EndsWith,
        ["nendsWith"] = ComparisonOperator.NEndsWith,
        ["gt"] = ComparisonOperator.Gt,
        ["ngt"] = ComparisonOperator.Ngt,
        ["gte"] = ComparisonOperator.Gte,
        ["ngte"] = ComparisonOperator.Ngte,
        ["lt"] = ComparisonOperator.Lt,
        ["nlt"] = ComparisonOperator.Nlt,
        ["lte"] = ComparisonOperator.Lte,
        ["nlte"] = ComparisonOperator.Nlte,
    };

    private static readonly Dictionary<string, ListQuantifier> Quantifiers = new(StringComparer.Ordinal)
    {
        ["some"] = ListQuantifier.Some,
        ["all"] = ListQuantifier.All,
        ["none"] = ListQuantifier.None,
    };

    /// <summary>The filter of a <c>where</c> argument, or null when there is none.</summary>
    public FilterExpression? Convert(CollectionDefinition collection, object? where) =>
        where is null ? null : ConvertObject(collection, collection.Fields, InputJson.AsObject(where, "where"));

    private FilterExpression ConvertObject(CollectionDefinition? collection, IReadOnlyList<FieldDefinition> fields, IDictionary<string, object?> input) =>
        Combine(input.Select(entry => ConvertEntry(collection, fields, entry.Key, entry.Value)).ToList());

    private FilterExpression ConvertEntry(CollectionDefinition? collection, IReadOnlyList<FieldDefinition> fields, string key, object? value)
    {
        if (value is null)
        {
            throw SchemaErrors.InvalidInput($"The filter field '{key}' cannot be null.");
        }

        if (key is "and" or "or")
        {
            var operands = InputJson.AsList(value, key)
                .Select(item => ConvertObject(collection, fields, InputJson.AsObject(item, key)))
                .ToList();
            return key == "and" ? new AndFilter(operands) : new OrFilter(operands);
        }

        var input = InputJson.AsObject(value, key);
        if (collection is not null && SystemFields.All.Contains(key))
        {
            return ConvertOperations(key, SystemFieldType(key), input);
        }

        if (fields.FirstOrDefault(f => f.Name == key) is { } field)
        {
            return ConvertField(field, input);
        }

        if (collection?.FindRelation(key) is { Kind: RelationKind.BelongsTo } relation)
        {
            var target = model.GetCollection(relation.TargetCollection);
            return new RelationFilter(relation.Name, ConvertObject(target, target.Fields, input));
        }

        throw SchemaErrors.InvalidInput($"'{key}' cannot be filtered.");
    }

    private FilterExpression ConvertField(FieldDefinition field, IDictionary<string, object?> input)
    {
        var type = field.Type;
        if (type.IsList)
        {
            return Combine(input.Select(entry => ConvertListEntry(field, entry.Key, entry.Value)).ToList());
        }

        return type.Kind == FieldKind.Embedded
            ? new EmbeddedFilter(field.Name, ConvertEmbedded(type.TypeName, input))
            : ConvertOperations(field.Name, type.TypeName, input);
    }

    private FilterExpression ConvertListEntry(FieldDefinition field, string key, object? value)
    {
        if (key == "any")
        {
            return value is bool any ? new ListAnyFilter(field.Name, any) : throw SchemaErrors.InvalidInput("'any' must be true or false.");
        }

        if (!Quantifiers.TryGetValue(key, out var quantifier) || value is null)
        {
            throw SchemaErrors.InvalidInput($"'{key}' is not a list filter or is null.");
        }

        var element = InputJson.AsObject(value, key);
        var inner = field.Type.Kind == FieldKind.Embedded
            ? ConvertEmbedded(field.Type.TypeName, element)
            : ConvertOperations(null, field.Type.TypeName, element);
        return new ListFilter(field.Name, quantifier, inner);
    }

    private FilterExpression ConvertEmbedded(string typeName, IDictionary<string, object?> input)
    {
        var embedded = model.FindEmbeddedType(typeName) ?? throw new InvalidOperationException($"Unknown embedded type '{typeName}'.");
        return ConvertObject(null, embedded.Fields, input);
    }

    private static FilterExpression ConvertOperations(string? field, string typeName, IDictionary<string, object?> input)
    {
        var parts = new List<FilterExpression>();
        foreach (var (key, value) in input)
        {
            if (key is "and" or "or")
            {
                var operands = InputJson.AsList(value, key)
                    .Select(item => ConvertOperations(field, typeName, InputJson.AsObject(item, key)))
                    .ToList();
                parts.Add(key == "and" ? new AndFilter(operands) : new OrFilter(operands));
                continue;
            }

            var op = Operators.TryGetValue(key, out var found) ? found : throw SchemaErrors.InvalidInput($"'{key}' is not a filter operator.");
            parts.Add(new ComparisonFilter(field, op, OperandValue(op, key, typeName, value)));
        }

        return Combine(parts);
    }

    private static JsonNode? OperandValue(ComparisonOperator op, string key, string typeName, object? value)
    {
        if (value is null)
        {
            // Only eq/neq are null-safe comparisons; every other operator needs a value to compare with.
            return op is ComparisonOperator.Eq or ComparisonOperator.Neq
                ? null
                : throw SchemaErrors.InvalidInput($"The operator '{key}' cannot compare with null.");
        }

        if (op is ComparisonOperator.In or ComparisonOperator.Nin)
        {
            return new JsonArray(InputJson.AsList(value, key).Select(item => Scalar(typeName, item)).ToArray());
        }

        return Scalar(typeName, value);
    }

    private static JsonNode? Scalar(string typeName, object? value) =>
        typeName == ScalarTypes.Id && value is not null and not string
            ? JsonValue.Create(System.Convert.ToString(value, CultureInfo.InvariantCulture))
            : InputJson.ToJson(value);

    private static string SystemFieldType(string name) => name switch
    {
        SystemFields.Version => ScalarTypes.Int,
        SystemFields.CreatedAt or SystemFields.UpdatedAt => ScalarTypes.DateTime,
        _ => ScalarTypes.Id,
    };

    private static FilterExpression Combine(List<FilterExpression> parts) => parts.Count == 1 ? parts[0] : new AndFilter(parts);
}
