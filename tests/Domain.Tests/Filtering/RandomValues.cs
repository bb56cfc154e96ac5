using System.Text.Json.Nodes;
using CollectionStore.Domain.Model;

namespace CollectionStore.Domain.Tests.Filtering;

/// <summary>
/// Small value pools per type, shared by the random documents and the random filters so filters often hit
/// stored values; the edge cases are empty and one-letter strings, non-ASCII text, negatives, ints in Float fields.
/// </summary>
internal static class RandomValues
{
    private static readonly string[] Strings = ["", "a", "ab", "b", "abc", "ba", "A", "é", "éa", "Ａ", "😀", "a b", "%", "_"];
    private static readonly string[] Ids = ["u1", "u2", "u3", "p1", "p2", "p3", "missing", ""];
    private static readonly long[] Ints = [-3, -2, -1, 0, 1, 2, 3, 1000, -1000];
    private static readonly double[] Floats = [-1.5, -0.25, 0.5, 2.75, 1e3];
    private static readonly string[] Statuses = ["TODO", "DOING", "DONE"];
    private static readonly string[] Times = [FixedTasksFixture.Month(1), FixedTasksFixture.Month(2), FixedTasksFixture.Month(3), "2024-02-01T00:00:00.0000001Z"];

    /// <summary>A random non-null value of the scalar or enum type.</summary>
    public static JsonNode Of(Random random, string typeName) => typeName switch
    {
        ScalarTypes.String => Pick(random, Strings),
        ScalarTypes.Id => Pick(random, Ids),
        ScalarTypes.Int => Pick(random, Ints),
        ScalarTypes.Float => random.Next(3) == 0 ? (JsonNode)Pick(random, Ints) : Pick(random, Floats),
        ScalarTypes.Boolean => random.Next(2) == 0,
        ScalarTypes.DateTime => Pick(random, Times),
        _ => Pick(random, Statuses),
    };

    /// <summary>A value of the type, null with some probability.</summary>
    public static JsonNode? OrNull(Random random, string typeName, int nullPercent) =>
        random.Next(100) < nullPercent ? null : Of(random, typeName);

    /// <summary>A value of some other type than expected, to check both evaluators compare across types alike.</summary>
    public static JsonNode Any(Random random) =>
        Of(random, Pick(random, [ScalarTypes.String, ScalarTypes.Int, ScalarTypes.Float, ScalarTypes.Boolean]));

    public static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    public static string Time(Random random) => Pick(random, Times);
}
