using Microsoft.Extensions.Primitives;

namespace CollectionStore.Api.Transport.Multipart;

/// <summary>
/// Recognises the Accept header of Apollo multipart subscriptions (PROTOCOLS.md §5):
/// <c>multipart/mixed;boundary="graphql";subscriptionSpec=1.0,application/json</c>. Parsing is lenient on
/// purpose: quoted or unquoted parameters, any case, spaces anywhere, and a malformed neighbour in the list do
/// not matter; only a <c>q=0</c> on the multipart range turns it off.
/// </summary>
internal static class MultipartAccept
{
    private const string MediaType = "multipart/mixed";
    private const string SpecParameter = "subscriptionSpec";

    /// <summary>True when one of the Accept values asks for multipart subscription responses.</summary>
    public static bool AcceptsSubscriptions(StringValues acceptHeaders)
    {
        foreach (var header in acceptHeaders)
        {
            if (header is null)
            {
                continue;
            }

            foreach (var range in SplitOutsideQuotes(header, ','))
            {
                if (IsSubscriptionRange(range))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsSubscriptionRange(string range)
    {
        var segments = SplitOutsideQuotes(range, ';');
        if (segments.Count == 0 || !segments[0].Trim().Equals(MediaType, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var hasSpec = false;
        foreach (var parameter in segments.Skip(1))
        {
            var equals = parameter.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                continue;
            }

            var name = parameter[..equals].Trim();
            var value = parameter[(equals + 1)..].Trim().Trim('"', '\'').Trim();
            if (name.Equals(SpecParameter, StringComparison.OrdinalIgnoreCase))
            {
                hasSpec = value.Length > 0;
            }
            else if (name.Equals("q", StringComparison.OrdinalIgnoreCase) && IsZeroQuality(value))
            {
                return false;
            }
        }

        return hasSpec;
    }

    private static bool IsZeroQuality(string value) =>
        double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var quality)
        && quality <= 0;

    private static List<string> SplitOutsideQuotes(string text, char separator)
    {
        var parts = new List<string>();
        var start = 0;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '"')
            {
                quoted = !quoted;
            }
            else if (text[i] == separator && !quoted)
            {
                parts.Add(text[start..i]);
                start = i + 1;
            }
        }

        parts.Add(text[start..]);
        return parts;
    }
}
