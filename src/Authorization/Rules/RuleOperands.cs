using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CollectionStore.Domain.Documents;
using CollectionStore.Domain.Filtering;
using CollectionStore.Domain.Model;

namespace CollectionStore.Authorization.Rules;

/// <summary>
/// Checks the value of one operator in a rule's <c>where</c> against the field's type, as the filter input type
/// would: null only for <c>eq</c>/<c>neq</c>, a list (or one value) for <c>in</c>/<c>nin</c>, literals of the right
/// kind (ID accepts integers, DateTime is normalized, enums must name a value). A <c>$…</c> variable may stand for
/// the whole value or for an element of an <c>in</c> list; <c>$subject.roles</c> only for a whole <c>in</c>/<c>nin</c>.
/// </summary>
internal static class RuleOperands
{
    public static JsonNode? Check(
        ComparisonOperator op,
        string key,
        string typeName,
        JsonNode? value,
        CollectionModel model,
        RuleUsage usage,
        Func<string, ModelException> error)
    {
        var isSet = op is ComparisonOperator.In or ComparisonOperator.Nin;
        if (RuleVariable.Reference(value) is { } whole)
        {
            var variable = Variable(whole, usage, error);
            return variable.Kind != RuleVariableKind.SubjectRoles || isSet
                ? value!.DeepClone()
                : throw error($"'$subject.roles' is a list; compare with it through 'in' or 'nin', not '{key}'.");
        }

        if (value is null)
        {
            return op is ComparisonOperator.Eq or ComparisonOperator.Neq
                ? null
                : throw error($"The operator '{key}' cannot compare with null.");
        }

        if (!isSet)
        {
            return Literal(typeName, value, key, model, error);
        }

        IReadOnlyList<JsonNode?> elements = value is JsonArray array ? [.. array] : [value];
        var checkedElements = new JsonArray();
        foreach (var element in elements)
        {
            if (RuleVariable.Reference(element) is { } reference)
            {
                checkedElements.Add(Variable(reference, usage, error).Kind == RuleVariableKind.SubjectRoles
                    ? throw error($"'$subject.roles' is a list itself; use it as the whole value of '{key}'.")
                    : element!.DeepClone());
            }
            else
            {
                checkedElements.Add(element is null ? null : Literal(typeName, element, key, model, error));
            }
        }

        return checkedElements;
    }

    private static RuleVariable Variable(string text, RuleUsage usage, Func<string, ModelException> error)
    {
        var variable = RuleVariable.Parse(text)
            ?? throw error($"Unknown variable '{text}'; rules may use $subject.id, $subject.roles, $subject.attributes.<name> and $now.");
        usage.Add(variable);
        return variable;
    }

    private static JsonNode Literal(string typeName, JsonNode value, string key, CollectionModel model, Func<string, ModelException> error)
    {
        var kind = value is JsonValue scalar ? scalar.GetValueKind() : JsonValueKind.Object;
        JsonNode? result = (typeName, kind) switch
        {
            (ScalarTypes.Boolean, JsonValueKind.True or JsonValueKind.False) => value.DeepClone(),
            (ScalarTypes.Int, JsonValueKind.Number) when Integer(value) is not null => value.DeepClone(),
            (ScalarTypes.Float, JsonValueKind.Number) => value.DeepClone(),
            (ScalarTypes.String, JsonValueKind.String) => value.DeepClone(),
            (ScalarTypes.Id, JsonValueKind.String) => value.DeepClone(),
            (ScalarTypes.Id, JsonValueKind.Number) when Integer(value) is { } id =>
                JsonValue.Create(id.ToString(CultureInfo.InvariantCulture)),
            (ScalarTypes.DateTime, JsonValueKind.String) when DateTimeFormat.TryNormalize(value.GetValue<string>(), out var time) =>
                JsonValue.Create(time),
            (_, JsonValueKind.String) when model.FindEnum(typeName) is { } enumType
                && enumType.Values.Contains(value.GetValue<string>(), StringComparer.Ordinal) => value.DeepClone(),
            _ => null,
        };
        return result ?? throw error($"The value {value.ToJsonString()} of '{key}' is not a valid {typeName}.");
    }

    private static long? Integer(JsonNode value) =>
        value.AsValue().TryGetValue<int>(out var small) ? small
        : value.AsValue().TryGetValue<long>(out var large) ? large
        : null;
}
