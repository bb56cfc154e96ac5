using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace CollectionStore.Api.Transport.HttpStreams;

/// <summary>
/// Tolerant Accept parsing for the streaming media types: lists, q-values and parameters (quoted or not). A
/// streaming type is chosen when it is named explicitly (wildcards never select a stream) with a q-value at least
/// as high as any JSON type or wildcard the client also accepts.
/// </summary>
internal static class StreamAccept
{
    private static readonly string[] SingleResultTypes =
        ["application/json", "application/graphql-response+json", "application/*", "*/*"];

    /// <summary>True when the client prefers <paramref name="streamMediaType"/> (e.g. <c>text/event-stream</c>).</summary>
    public static bool Prefers(StringValues accept, string streamMediaType) =>
        Find(accept, streamMediaType) is not null;

    /// <summary>The accepted range naming <paramref name="streamMediaType"/> when preferred, with its parameters.</summary>
    public static MediaTypeHeaderValue? Find(StringValues accept, string streamMediaType)
    {
        if (StringValues.IsNullOrEmpty(accept) || !MediaTypeHeaderValue.TryParseList(accept, out var ranges))
        {
            return null;
        }

        MediaTypeHeaderValue? stream = null;
        var streamQuality = 0.0;
        var otherQuality = 0.0;
        foreach (var range in ranges)
        {
            var quality = range.Quality ?? 1.0;
            var type = range.MediaType.Value ?? string.Empty;
            if (type.Equals(streamMediaType, StringComparison.OrdinalIgnoreCase))
            {
                if (quality > streamQuality)
                {
                    stream = range;
                    streamQuality = quality;
                }
            }
            else if (SingleResultTypes.Contains(type, StringComparer.OrdinalIgnoreCase))
            {
                otherQuality = Math.Max(otherQuality, quality);
            }
        }

        return streamQuality > 0 && streamQuality >= otherQuality ? stream : null;
    }

    /// <summary>True when the header is absent or accepts one of <paramref name="mediaTypes"/> (wildcards included).</summary>
    public static bool AcceptsAny(StringValues accept, params string[] mediaTypes)
    {
        if (StringValues.IsNullOrEmpty(accept) || accept.All(string.IsNullOrWhiteSpace))
        {
            return true;
        }

        if (!MediaTypeHeaderValue.TryParseList(accept, out var ranges))
        {
            return false;
        }

        return ranges.Any(range => (range.Quality ?? 1.0) > 0
            && mediaTypes.Any(type => new MediaTypeHeaderValue(type).IsSubsetOf(range)));
    }
}
