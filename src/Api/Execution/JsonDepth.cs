using System.Text.Json;

namespace CollectionStore.Api.Execution;

/// <summary>Measures JSON nesting without recursion, so a deeply nested variables payload is refused safely.</summary>
internal static class JsonDepth
{
    public static bool Exceeds(JsonElement element, int maxDepth)
    {
        var pending = new Stack<(JsonElement Element, int Depth)>();
        pending.Push((element, 0));
        while (pending.Count > 0)
        {
            var (current, depth) = pending.Pop();
            if (current.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array))
            {
                continue;
            }

            if (depth + 1 > maxDepth)
            {
                return true;
            }

            if (current.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in current.EnumerateObject())
                {
                    pending.Push((property.Value, depth + 1));
                }
            }
            else
            {
                foreach (var item in current.EnumerateArray())
                {
                    pending.Push((item, depth + 1));
                }
            }
        }

        return false;
    }
}
