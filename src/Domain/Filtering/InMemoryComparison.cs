using System.Text.Json.Nodes;

namespace CollectionStore.Domain.Filtering;

/// <summary>
/// Evaluates one comparison over a value in memory, branch for branch like <see cref="SqliteComparison"/> and
/// <see cref="PostgresComparison"/>: values are first mapped to what SQLite sees (<see cref="SqliteValues"/>), then
/// compared in SQLite's order.
/// </summary>
internal static class InMemoryComparison
{
    public static bool Matches(ComparisonFilter comparison, JsonNode? node, string typeName)
    {
        var value = SqliteValues.FromJson(node);
        var positive = Positive(ComparisonOperators.Positive(comparison.Operator), value, comparison.Value, typeName);
        return ComparisonOperators.IsNegated(comparison.Operator) ? !positive : positive;
    }

    private static bool Positive(ComparisonOperator op, object? x, JsonNode? filterValue, string typeName)
    {
        if (op == ComparisonOperator.In)
        {
            return ComparisonOperators.InElements(filterValue)
                .Select(e => SqliteValues.FromFilterValue(e, typeName))
                .Any(operand => operand is null ? x is null : x is not null && SqliteValues.Compare(x, operand) == 0);
        }

        var operand = SqliteValues.FromFilterValue(filterValue, typeName);
        if (op == ComparisonOperator.Eq)
        {
            return operand is null ? x is null : x is not null && SqliteValues.Compare(x, operand) == 0;
        }

        if (op is ComparisonOperator.Contains or ComparisonOperator.StartsWith or ComparisonOperator.EndsWith)
        {
            return x is string text && operand is string part && Text(op, text, part);
        }

        if (x is null || operand is null)
        {
            return false;
        }

        var order = SqliteValues.Compare(x, operand);
        return op switch
        {
            ComparisonOperator.Gt => order > 0,
            ComparisonOperator.Gte => order >= 0,
            ComparisonOperator.Lt => order < 0,
            _ => order <= 0,
        };
    }

    private static bool Text(ComparisonOperator op, string text, string part) => op switch
    {
        ComparisonOperator.Contains => text.Contains(part, StringComparison.Ordinal),
        ComparisonOperator.StartsWith => text.StartsWith(part, StringComparison.Ordinal),
        _ => text.EndsWith(part, StringComparison.Ordinal),
    };
}
