using CollectionStore.Domain.Model;

namespace CollectionStore.Domain.Filtering;

/// <summary>
/// Writes one comparison as PostgreSQL SQL, branch for branch like <see cref="SqliteComparison"/>: a positive operator
/// is true only when the value is non-null and matches (eq with a null value is <c>IS NULL</c>); an n-operator is
/// <c>(&lt;positive&gt;) IS NOT TRUE</c>, so it holds on null. Operands are bound by <see cref="PostgresOperands"/> in
/// the type the value compares as; string operators hold only for text values.
/// </summary>
internal static class PostgresComparison
{
    public static string Write(ComparisonFilter comparison, string value, FieldType type, SqlParameterBag parameters)
    {
        var positive = Positive(ComparisonOperators.Positive(comparison.Operator), value, comparison, type, parameters);
        return ComparisonOperators.IsNegated(comparison.Operator) ? $"(({positive}) IS NOT TRUE)" : positive;
    }

    private static string Positive(ComparisonOperator op, string x, ComparisonFilter comparison, FieldType type, SqlParameterBag parameters)
    {
        if (op == ComparisonOperator.In)
        {
            return In(x, comparison, type, parameters);
        }

        var operand = SqliteValues.FromFilterValue(comparison.Value, type.TypeName);
        if (op == ComparisonOperator.Eq)
        {
            return operand is null ? $"({x} IS NULL)" : $"({PostgresOperands.Compare(x, "=", operand, type, parameters)})";
        }

        if (op is ComparisonOperator.Contains or ComparisonOperator.StartsWith or ComparisonOperator.EndsWith)
        {
            return operand is string text && !PostgresOperands.IsNumber(type) ? Text(op, x, parameters.Add(text)) : "FALSE";
        }

        if (operand is null)
        {
            return "FALSE";
        }

        var symbol = op switch
        {
            ComparisonOperator.Gt => ">",
            ComparisonOperator.Gte => ">=",
            ComparisonOperator.Lt => "<",
            _ => "<=",
        };
        return $"({PostgresOperands.Compare(x, symbol, operand, type, parameters)})";
    }

    // Character functions, not LIKE: '%' and '_' in the operand are plain characters.
    private static string Text(ComparisonOperator op, string x, string p) => op switch
    {
        ComparisonOperator.Contains => $"(strpos({x}, {p}) > 0)",
        ComparisonOperator.StartsWith => $"(left({x}, length({p})) = {p})",
        _ => $"(right({x}, length({p})) = {p})",
    };

    private static string In(string x, ComparisonFilter comparison, FieldType type, SqlParameterBag parameters)
    {
        var names = new List<string>();
        var parts = new List<string>();
        var matchesNull = false;
        foreach (var element in ComparisonOperators.InElements(comparison.Value))
        {
            var operand = SqliteValues.FromFilterValue(element, type.TypeName);
            if (operand is null)
            {
                matchesNull = true;
            }
            else if (PostgresOperands.TryBind(operand, type, out var bound))
            {
                names.Add(parameters.Add(bound));
            }
            else if (PostgresOperands.Compare(x, "=", operand, type, parameters) is var equal && equal != "FALSE")
            {
                parts.Add(equal);
            }
        }

        if (names.Count > 0)
        {
            parts.Insert(0, $"{x} IN ({string.Join(", ", names)})");
        }

        if (matchesNull)
        {
            parts.Add($"{x} IS NULL");
        }

        return parts.Count == 0 ? "FALSE" : "(" + string.Join(" OR ", parts) + ")";
    }
}
