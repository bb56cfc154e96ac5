using System.Text.Json;
using System.Text.Json.Nodes;

namespace CollectionStore.Domain.Documents;

/// <summary>
/// Reads JSON numbers whatever backs the node: parsed JSON holds a <see cref="JsonElement"/>, code-built nodes hold
/// a CLR number, and <see cref="JsonValue.TryGetValue{T}"/> only converts between some of those.
/// </summary>
internal static class JsonNumbers
{
    public static bool TryGetDouble(JsonNode value, out double result)
    {
        result = 0;
        if (value is not JsonValue json || json.GetValueKind() != JsonValueKind.Number)
        {
            return false;
        }

        if (!json.TryGetValue(out result))
        {
            if (json.TryGetValue<long>(out var l))
            {
                result = l;
            }
            else if (json.TryGetValue<int>(out var i))
            {
                result = i;
            }
            else if (json.TryGetValue<decimal>(out var m))
            {
                result = (double)m;
            }
            else if (!double.TryParse(json.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out result))
            {
                return false;
            }
        }

        return double.IsFinite(result);
    }

    public static bool TryGetInt32(JsonNode value, out int result)
    {
        result = 0;
        if (!TryGetDouble(value, out var number) || number != Math.Floor(number) || number < int.MinValue || number > int.MaxValue)
        {
            return false;
        }

        result = (int)number;
        return true;
    }
}
