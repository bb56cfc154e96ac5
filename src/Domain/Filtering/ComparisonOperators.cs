using System.Text.Json.Nodes;

namespace CollectionStore.Domain.Filtering;

/// <summary>Splits every operator into its positive form and whether it is negated, so n-operators are exactly NOT.</summary>
internal static class ComparisonOperators
{
    public static ComparisonOperator Positive(ComparisonOperator op) => op switch
    {
        ComparisonOperator.Neq => ComparisonOperator.Eq,
        ComparisonOperator.Nin => ComparisonOperator.In,
        ComparisonOperator.NContains => ComparisonOperator.Contains,
        ComparisonOperator.NStartsWith => ComparisonOperator.StartsWith,
        ComparisonOperator.NEndsWith => ComparisonOperator.EndsWith,
        ComparisonOperator.Ngt => ComparisonOperator.Gt,
        ComparisonOperator.Ngte => ComparisonOperator.Gte,
        ComparisonOperator.Nlt => ComparisonOperator.Lt,
        ComparisonOperator.Nlte => ComparisonOperator.Lte,
        _ => op,
    };

    public static bool IsNegated(ComparisonOperator op) => Positive(op) != op;

    /// <summary>The elements of an <c>in</c> value; a single scalar counts as a one-element list, null as none.</summary>
    public static IReadOnlyList<JsonNode?> InElements(JsonNode? value) =>
        value switch
        {
            null => [],
            JsonArray array => [.. array],
            _ => [value],
        };
}
