using System.Text.Json.Nodes;
using CollectionStore.Domain.Filtering;

namespace CollectionStore.Domain.Tests.Filtering;

/// <summary>Short constructors for filter trees in tests.</summary>
internal static class Filters
{
    public static ComparisonFilter C(string? field, ComparisonOperator op, JsonNode? value) => new(field, op, value);

    public static JsonArray Values(params JsonNode?[] values) => new(values);

    public static AndFilter And(params FilterExpression[] operands) => new(operands);

    public static OrFilter Or(params FilterExpression[] operands) => new(operands);
}
