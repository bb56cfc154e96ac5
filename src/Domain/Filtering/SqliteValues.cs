using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CollectionStore.Domain.Model;

namespace CollectionStore.Domain.Filtering;

/// <summary>
/// The in-memory image of SQLite values so both evaluators see the same thing: JSON values become what
/// <c>json_extract</c> yields (null, <see cref="long"/>, <see cref="double"/>, <see cref="string"/>; booleans 1/0),
/// and <see cref="Compare"/> follows SQLite's order (NULL &lt; numbers &lt; text, text by BINARY collation).
/// </summary>
internal static class SqliteValues
{
    /// <summary>The value SQLite's <c>json_extract</c>/<c>json_each</c> produces for a JSON node.</summary>
    public static object? FromJson(JsonNode? node)
    {
        if (node is not JsonValue value)
        {
            // Objects and arrays come back from json_extract as their JSON text.
            return node?.ToJsonString();
        }

        return value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.True => 1L,
            JsonValueKind.False => 0L,
            JsonValueKind.Number => Number(value),
            _ => null,
        };
    }

    /// <summary>
    /// A filter or cursor value as bound for a field of the declared scalar/enum type, so SQLite compares
    /// numerically for Int/Float and as text for String, ID, DateTime and enums.
    /// </summary>
    public static object? FromFilterValue(JsonNode? node, string typeName)
    {
        if (node is not JsonValue value)
        {
            return FromJson(node);
        }

        var kind = value.GetValueKind();
        return typeName switch
        {
            ScalarTypes.Int or ScalarTypes.Float or ScalarTypes.Boolean => FromJson(value),
            _ when kind == JsonValueKind.Number => value.ToJsonString(),
            _ => FromJson(value),
        };
    }

    /// <summary>SQLite's comparison of two values of any storage class.</summary>
    public static int Compare(object? left, object? right)
    {
        var rank = Rank(left).CompareTo(Rank(right));
        if (rank != 0)
        {
            return rank;
        }

        return (left, right) switch
        {
            (long l, long r) => l.CompareTo(r),
            (string l, string r) => CompareText(l, r),
            (null, null) => 0,
            _ => ToDouble(left!).CompareTo(ToDouble(right!)),
        };
    }

    /// <summary>
    /// SQLite's BINARY collation compares UTF-8 bytes, which is Unicode code point order; UTF-16 code unit
    /// order differs for characters above U+E000 versus surrogate pairs, so the units are remapped.
    /// </summary>
    public static int CompareText(string left, string right)
    {
        var length = Math.Min(left.Length, right.Length);
        for (var i = 0; i < length; i++)
        {
            if (left[i] != right[i])
            {
                return CodePointRank(left[i]).CompareTo(CodePointRank(right[i]));
            }
        }

        return left.Length.CompareTo(right.Length);
    }

    private static int CodePointRank(char c) => c switch
    {
        >= '\uD800' and <= '\uDFFF' => c + 0x2000,
        >= '\uE000' => c - 0x800,
        _ => c,
    };

    private static int Rank(object? value) => value switch
    {
        null => 0,
        long or double => 1,
        _ => 2,
    };

    private static double ToDouble(object value) => value is long l ? l : (double)value;

    private static object Number(JsonValue value)
    {
        if (value.TryGetValue<long>(out var l))
        {
            return l;
        }

        if (value.TryGetValue<int>(out var i))
        {
            return (long)i;
        }

        if (value.TryGetValue<double>(out var d))
        {
            return d;
        }

        return double.Parse(value.ToJsonString(), CultureInfo.InvariantCulture);
    }
}
