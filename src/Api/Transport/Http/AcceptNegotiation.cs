using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace CollectionStore.Api.Transport.Http;

/// <summary>
/// Chooses the response media type from the <c>Accept</c> header (GraphQL over HTTP, "Accept"): the highest
/// q-value wins; at equal q <c>application/graphql-response+json</c> is preferred; <c>*/*</c>,
/// <c>application/*</c> or a missing header mean <c>application/json</c>.
/// </summary>
internal static class AcceptNegotiation
{
    public static ResponseMediaType? Select(StringValues acceptHeaders)
    {
        if (StringValues.IsNullOrEmpty(acceptHeaders) || acceptHeaders.All(string.IsNullOrWhiteSpace))
        {
            return ResponseMediaType.Json;
        }

        if (!MediaTypeHeaderValue.TryParseList(acceptHeaders, out var accepted))
        {
            return null;
        }

        ResponseMediaType? best = null;
        var bestQuality = 0.0;
        foreach (var range in accepted)
        {
            var quality = range.Quality ?? 1.0;
            if (quality <= 0 || Match(range) is not { } candidate)
            {
                continue;
            }

            var better = quality > bestQuality
                || (quality == bestQuality && candidate == ResponseMediaType.GraphQLResponseJson);
            if (best is null || better)
            {
                best = candidate;
                bestQuality = quality;
            }
        }

        return best;
    }

    private static ResponseMediaType? Match(MediaTypeHeaderValue range)
    {
        var type = range.MediaType;
        if (type.Equals(GraphQLHttpMediaTypes.GraphQLResponseJson, StringComparison.OrdinalIgnoreCase))
        {
            return ResponseMediaType.GraphQLResponseJson;
        }

        if (type.Equals(GraphQLHttpMediaTypes.Json, StringComparison.OrdinalIgnoreCase)
            || type.Equals("application/*", StringComparison.OrdinalIgnoreCase)
            || type.Equals("*/*", StringComparison.OrdinalIgnoreCase))
        {
            return ResponseMediaType.Json;
        }

        return null;
    }
}
