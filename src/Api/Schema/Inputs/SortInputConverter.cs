using CollectionStore.Domain.Filtering;

namespace CollectionStore.Api.Schema.Inputs;

/// <summary>
/// Converts a parsed <c>order</c> argument into sort keys. Each list element must set exactly one field
/// (HotChocolate's rule), so the key order is the list order.
/// </summary>
internal static class SortInputConverter
{
    public static IReadOnlyList<SortField> Convert(object? order)
    {
        if (order is null)
        {
            return [];
        }

        return InputJson.AsList(order, "order")
            .Select(item => ConvertOne(InputJson.AsObject(item, "order"), []))
            .ToList();
    }

    private static SortField ConvertOne(IDictionary<string, object?> input, List<string> prefix)
    {
        var set = input.Where(entry => entry.Value is not null).ToList();
        if (set.Count != 1)
        {
            throw SchemaErrors.InvalidInput("Each element of 'order' must set exactly one field.");
        }

        var (field, value) = (set[0].Key, set[0].Value);
        var path = new List<string>(prefix) { field };
        return value switch
        {
            "ASC" => new SortField(path, Descending: false),
            "DESC" => new SortField(path, Descending: true),
            IDictionary<string, object?> nested => ConvertOne(nested, path),
            _ => throw SchemaErrors.InvalidInput($"'{field}' must be ASC or DESC."),
        };
    }
}
