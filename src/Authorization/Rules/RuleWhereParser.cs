using System.Text.Json;
using System.Text.Json.Nodes;
using CollectionStore.Domain.Filtering;
using CollectionStore.Domain.Model;

namespace CollectionStore.Authorization.Rules;

/// <summary>
/// Turns a rule's <c>where</c> (a JSON object shaped like the collection's <c>where</c> filter input) into the
/// filter AST, exactly as the API's filter input converter does: several fields of one object are ANDed, system
/// fields, stored fields, embedded objects, lists (<c>some</c>/<c>all</c>/<c>none</c>/<c>any</c>) and
/// <c>@belongsTo</c> relations. Operators are those the filter input type of the field offers. Variable references
/// stay in the tree as their <c>$…</c> strings and are bound per subject by <see cref="RuleBinder"/>.
/// </summary>
internal sealed class RuleWhereParser(CollectionModel model, RuleUsage usage, Func<string, ModelException> error)
{
    private static readonly string[] Equality = ["eq", "neq"];
    private static readonly string[] Set = ["in", "nin"];
    private static readonly string[] Text = ["contains", "ncontains", "startsWith", "nstartsWith", "endsWith", "nendsWith"];
    private static readonly string[] Comparable = ["gt", "ngt", "gte", "ngte", "lt", "nlt", "lte", "nlte"];

    public FilterExpression Parse(CollectionDefinition collection, JsonNode? where) =>
        ConvertObject(collection, collection.Fields, AsObject(where, "where"), collection.Name);

    private FilterExpression ConvertObject(CollectionDefinition? collection, IReadOnlyList<FieldDefinition> fields, JsonObject input, string scope) =>
        Combine([.. input.Select(entry => ConvertEntry(collection, fields, entry.Key, entry.Value, scope))]);

    private FilterExpression ConvertEntry(CollectionDefinition? collection, IReadOnlyList<FieldDefinition> fields, string key, JsonNode? value, string scope)
    {
        if (value is null)
        {
            throw error($"The filter field '{key}' cannot be null.");
        }

        if (key is "and" or "or")
        {
            var operands = AsList(value).Select(item => ConvertObject(collection, fields, AsObject(item, key), scope)).ToList();
            return key == "and" ? new AndFilter(operands) : new OrFilter(operands);
        }

        if (collection is not null && SystemFields.All.Contains(key))
        {
            return ConvertOperations(key, SystemFieldType(key), AsObject(value, key));
        }

        if (fields.FirstOrDefault(f => f.Name == key) is { } field)
        {
            return ConvertField(field, AsObject(value, key));
        }

        if (collection?.FindRelation(key) is { } relation)
        {
            if (relation.Kind != RelationKind.BelongsTo)
            {
                throw error($"'{key}' is a @hasMany relation of {scope}; rules can only follow @belongsTo relations.");
            }

            var target = model.GetCollection(relation.TargetCollection);
            return new RelationFilter(relation.Name, ConvertObject(target, target.Fields, AsObject(value, key), target.Name));
        }

        throw error($"Unknown field '{key}' of {scope} in a rule's where.");
    }

    private FilterExpression ConvertField(FieldDefinition field, JsonObject input)
    {
        var type = field.Type;
        if (type.IsList)
        {
            return Combine([.. input.Select(entry => ConvertListEntry(field, entry.Key, entry.Value))]);
        }

        return type.Kind == FieldKind.Embedded
            ? new EmbeddedFilter(field.Name, ConvertEmbedded(type.TypeName, input))
            : ConvertOperations(field.Name, type.TypeName, input);
    }

    private FilterExpression ConvertListEntry(FieldDefinition field, string key, JsonNode? value)
    {
        if (key == "any")
        {
            return value is JsonValue any && any.GetValueKind() is JsonValueKind.True or JsonValueKind.False
                ? new ListAnyFilter(field.Name, any.GetValue<bool>())
                : throw error($"'any' of the list '{field.Name}' must be true or false.");
        }

        var quantifier = key switch
        {
            "some" => ListQuantifier.Some,
            "all" => ListQuantifier.All,
            "none" => ListQuantifier.None,
            _ => throw error($"'{key}' is not a list filter of '{field.Name}'; use some, all, none or any."),
        };
        var element = AsObject(value, key);
        var inner = field.Type.Kind == FieldKind.Embedded
            ? ConvertEmbedded(field.Type.TypeName, element)
            : ConvertOperations(null, field.Type.TypeName, element);
        return new ListFilter(field.Name, quantifier, inner);
    }

    private FilterExpression ConvertEmbedded(string typeName, JsonObject input)
    {
        var embedded = model.FindEmbeddedType(typeName) ?? throw error($"Unknown embedded type '{typeName}'.");
        return ConvertObject(null, embedded.Fields, input, typeName);
    }

    private FilterExpression ConvertOperations(string? field, string typeName, JsonObject input)
    {
        var parts = new List<FilterExpression>();
        foreach (var (key, value) in input)
        {
            if (key is "and" or "or" && typeName == ScalarTypes.String)
            {
                var operands = AsList(value ?? throw error($"The filter field '{key}' cannot be null.")).Select(item => ConvertOperations(field, typeName, AsObject(item, key))).ToList();
                parts.Add(key == "and" ? new AndFilter(operands) : new OrFilter(operands));
                continue;
            }

            if (!Operators(typeName).Contains(key, StringComparer.Ordinal))
            {
                throw error($"'{key}' is not an operator of {typeName} filters (on '{field ?? "list element"}').");
            }

            var op = ParseOperator(key);
            parts.Add(new ComparisonFilter(field, op, RuleOperands.Check(op, key, typeName, value, model, usage, error)));
        }

        return Combine(parts);
    }

    private static string[] Operators(string typeName) => typeName switch
    {
        ScalarTypes.Boolean => Equality,
        ScalarTypes.String => [.. Equality, .. Set, .. Text],
        ScalarTypes.Int or ScalarTypes.Float or ScalarTypes.DateTime => [.. Equality, .. Set, .. Comparable],
        _ => [.. Equality, .. Set],
    };

    private static ComparisonOperator ParseOperator(string key) => key switch
    {
        "startsWith" => ComparisonOperator.StartsWith,
        "nstartsWith" => ComparisonOperator.NStartsWith,
        "endsWith" => ComparisonOperator.EndsWith,
        "nendsWith" => ComparisonOperator.NEndsWith,
        "ncontains" => ComparisonOperator.NContains,
        _ => Enum.Parse<ComparisonOperator>(key, ignoreCase: true),
    };

    private static string SystemFieldType(string name) => name switch
    {
        SystemFields.Version => ScalarTypes.Int,
        SystemFields.CreatedAt or SystemFields.UpdatedAt => ScalarTypes.DateTime,
        _ => ScalarTypes.Id,
    };

    private JsonObject AsObject(JsonNode? value, string what) =>
        value as JsonObject ?? throw error($"'{what}' must be an object in a rule's where.");

    private static IReadOnlyList<JsonNode?> AsList(JsonNode value) =>
        value is JsonArray list ? [.. list] : [value];

    private static FilterExpression Combine(List<FilterExpression> parts) => parts.Count == 1 ? parts[0] : new AndFilter(parts);
}
