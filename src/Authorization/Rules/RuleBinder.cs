using System.Text.Json;
using System.Text.Json.Nodes;
using CollectionStore.Domain.Filtering;

namespace CollectionStore.Authorization.Rules;

/// <summary>
/// Replaces the variables of a compiled <c>where</c> with one subject's values. Fails closed: a comparison whose
/// variable has no value (a signed-out <c>$subject.id</c>, a missing or null attribute), or a value of the wrong
/// shape (a list or object where a scalar is compared, a list holding nulls or objects), matches nothing — it is
/// never turned into a null comparison, so "null eq null" cannot grant access.
/// </summary>
internal static class RuleBinder
{
    /// <summary>The filter that matches nothing (an empty OR), in SQL and in memory alike.</summary>
    public static readonly FilterExpression Nothing = new OrFilter([]);

    public static FilterExpression Bind(FilterExpression filter, BoundSubject subject) => filter switch
    {
        AndFilter and => new AndFilter([.. and.Operands.Select(o => Bind(o, subject))]),
        OrFilter or => new OrFilter([.. or.Operands.Select(o => Bind(o, subject))]),
        ComparisonFilter comparison => BindComparison(comparison, subject),
        EmbeddedFilter embedded => embedded with { Inner = Bind(embedded.Inner, subject) },
        ListFilter list => list with { Element = Bind(list.Element, subject) },
        RelationFilter relation => relation with { Inner = Bind(relation.Inner, subject) },
        _ => filter,
    };

    private static FilterExpression BindComparison(ComparisonFilter comparison, BoundSubject subject)
    {
        var isSet = comparison.Operator is ComparisonOperator.In or ComparisonOperator.Nin;
        if (RuleVariable.Reference(comparison.Value) is { } whole)
        {
            var value = subject.Resolve(RuleVariable.Parse(whole)!);
            var usable = isSet ? IsScalar(value) || (value is JsonArray list && list.All(IsScalar)) : IsScalar(value);
            return usable ? comparison with { Value = value } : Nothing;
        }

        if (comparison.Value is not JsonArray elements || !elements.Any(e => RuleVariable.Reference(e) is not null))
        {
            return comparison;
        }

        var bound = new JsonArray();
        foreach (var element in elements)
        {
            var value = RuleVariable.Reference(element) is { } reference ? subject.Resolve(RuleVariable.Parse(reference)!) : element?.DeepClone();
            if (RuleVariable.Reference(element) is not null && !IsScalar(value))
            {
                return Nothing;
            }

            bound.Add(value);
        }

        return comparison with { Value = bound };
    }

    private static bool IsScalar(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False;
}
