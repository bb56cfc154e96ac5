namespace CollectionStore.Domain.Filtering;

/// <summary>
/// Writes one comparison as SQLite SQL. A positive operator is true only when the value is non-null and matches (eq with
/// a null value is <c>IS NULL</c>); an n-operator is <c>(&lt;positive&gt;) IS NOT 1</c>, so it holds on null and the
/// result never depends on SQL's three-valued logic. <see cref="InMemoryComparison"/> mirrors every branch.
/// </summary>
internal static class SqliteComparison
{
    public static string Write(ComparisonFilter comparison, string value, string typeName, SqlParameterBag parameters)
    {
        var positive = Positive(ComparisonOperators.Positive(comparison.Operator), value, comparison, typeName, parameters);
        return ComparisonOperators.IsNegated(comparison.Operator) ? $"(({positive}) IS NOT 1)" : positive;
    }

    private static string Positive(ComparisonOperator op, string x, ComparisonFilter comparison, string typeName, SqlParameterBag parameters)
    {
        if (op == ComparisonOperator.In)
        {
            return In(x, comparison, typeName, parameters);
        }

        var operand = SqliteValues.FromFilterValue(comparison.Value, typeName);
        if (op == ComparisonOperator.Eq)
        {
            return operand is null ? $"({x} IS NULL)" : $"({x} = {parameters.Add(operand)})";
        }

        if (op is ComparisonOperator.Contains or ComparisonOperator.StartsWith or ComparisonOperator.EndsWith)
        {
            return operand is string text ? Text(op, x, parameters.Add(text)) : "0";
        }

        if (operand is null)
        {
            return "0";
        }

        var symbol = op switch
        {
            ComparisonOperator.Gt => ">",
            ComparisonOperator.Gte => ">=",
            ComparisonOperator.Lt => "<",
            _ => "<=",
        };
        return $"({x} {symbol} {parameters.Add(operand)})";
    }

    private static string Text(ComparisonOperator op, string x, string p)
    {
        // String operators are false on anything but text (SQLite would otherwise stringify numbers).
        var test = op switch
        {
            ComparisonOperator.Contains => $"instr({x}, {p}) > 0",
            ComparisonOperator.StartsWith => $"substr({x}, 1, length({p})) = {p}",
            _ => $"(length({p}) = 0 OR substr({x}, -length({p})) = {p})",
        };
        return $"(typeof({x}) = 'text' AND {test})";
    }

    private static string In(string x, ComparisonFilter comparison, string typeName, SqlParameterBag parameters)
    {
        var names = new List<string>();
        var matchesNull = false;
        foreach (var element in ComparisonOperators.InElements(comparison.Value))
        {
            var operand = SqliteValues.FromFilterValue(element, typeName);
            if (operand is null)
            {
                matchesNull = true;
            }
            else
            {
                names.Add(parameters.Add(operand));
            }
        }

        var parts = new List<string>();
        if (names.Count > 0)
        {
            parts.Add($"{x} IN ({string.Join(", ", names)})");
        }

        if (matchesNull)
        {
            parts.Add($"{x} IS NULL");
        }

        return parts.Count == 0 ? "0" : "(" + string.Join(" OR ", parts) + ")";
    }
}
