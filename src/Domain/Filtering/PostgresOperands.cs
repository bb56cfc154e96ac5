using System.Globalization;
using CollectionStore.Domain.Model;

namespace CollectionStore.Domain.Filtering;

/// <summary>
/// Compares a typed PostgreSQL value with an operand exactly as SQLite compares the same value with it. Operands
/// arrive as <see cref="SqliteValues"/> images (<see cref="long"/>, <see cref="double"/>, <see cref="string"/>;
/// booleans as 1/0) and are bound in the type the value compares as — numeric, float8, boolean or text — so the
/// planner can use the expression indexes. SQLite orders every number before every text; stored values have their
/// declared type, so an operand of the other kind decides the comparison without looking at the value.
/// </summary>
internal static class PostgresOperands
{
    /// <summary>True when values of the declared type are numbers in SQLite's eyes (Int, Float, and Boolean as 1/0).</summary>
    public static bool IsNumber(FieldType type) =>
        type.Kind != FieldKind.Enum && type.TypeName is ScalarTypes.Int or ScalarTypes.Float or ScalarTypes.Boolean;

    /// <summary><c>x symbol operand</c> (symbol one of <c>= &lt; &lt;= &gt; &gt;=</c>) for a value x of the declared type.</summary>
    public static string Compare(string x, string symbol, object operand, FieldType type, SqlParameterBag parameters)
    {
        var valueIsNumber = IsNumber(type);
        if (valueIsNumber == operand is string)
        {
            // A number is below every text: the outcome only depends on which side is the number and on x being non-null.
            var holds = symbol switch
            {
                "<" or "<=" => valueIsNumber,
                ">" or ">=" => !valueIsNumber,
                _ => false,
            };
            return holds ? $"{x} IS NOT NULL" : "FALSE";
        }

        if (TryBind(operand, type, out var bound))
        {
            return $"{x} {symbol} {parameters.Add(bound)}";
        }

        // A number the column type cannot hold exactly (a boolean compared with 0.5, an Int with 1e300) is compared as
        // a double, as SQLite does.
        var widened = type.TypeName == ScalarTypes.Boolean ? $"({x})::int" : $"({x})::float8";
        return $"{widened} {symbol} {parameters.Add(ToDouble(operand))}";
    }

    /// <summary>
    /// The operand as a value of the PostgreSQL type the declared type compares as, when that type holds it exactly:
    /// text as <see cref="string"/>, Float as <see cref="double"/>, Int as <see cref="decimal"/>, Boolean 1/0 as <see cref="bool"/>.
    /// </summary>
    public static bool TryBind(object operand, FieldType type, out object bound)
    {
        bound = operand;
        if (!IsNumber(type))
        {
            return operand is string;
        }

        if (operand is string)
        {
            return false;
        }

        var number = ToDouble(operand);
        switch (type.TypeName)
        {
            case ScalarTypes.Float:
                bound = number;
                return true;
            case ScalarTypes.Boolean when number is 0 or 1:
                bound = number == 1;
                return true;
            case ScalarTypes.Int when operand is long l:
                bound = (decimal)l;
                return true;
            case ScalarTypes.Int when ExactDecimal(number) is { } d:
                bound = d;
                return true;
            default:
                return false;
        }
    }

    private static decimal? ExactDecimal(double number) =>
        decimal.TryParse(number.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
            && (double)d == number
            ? d
            : null;

    private static double ToDouble(object operand) => operand is long l ? l : (double)operand;
}
