using System.Globalization;

namespace CollectionStore.Domain.Documents;

/// <summary>
/// The one stored form of DateTime values: UTC, ISO-8601, fixed width with seven fractional digits,
/// so that ordinal string order equals time order in SQL and in memory alike.
/// </summary>
public static class DateTimeFormat
{
    public const string Pattern = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString(Pattern, CultureInfo.InvariantCulture);

    /// <summary>Parses any ISO-8601 date-time (an offset or Z is required) into the stored form.</summary>
    public static bool TryNormalize(string text, out string normalized)
    {
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var value)
            && (text.EndsWith('Z') || text.EndsWith('z') || HasOffset(text)))
        {
            normalized = Format(value);
            return true;
        }

        normalized = string.Empty;
        return false;
    }

    public static DateTimeOffset Parse(string stored) =>
        DateTimeOffset.ParseExact(stored, Pattern, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private static bool HasOffset(string text)
    {
        var t = text.IndexOf('T', StringComparison.OrdinalIgnoreCase);
        if (t < 0)
        {
            return false;
        }

        var time = text[t..];
        return time.Contains('+', StringComparison.Ordinal) || time.Contains('-', StringComparison.Ordinal);
    }
}
