using System.Text.Json;

namespace CollectionStore.Api.Identity;

/// <summary>
/// Finds the access token a client presents: the <c>Authorization: Bearer</c> header, the <c>access_token</c> query
/// parameter of an event-stream GET (browsers' EventSource cannot set headers), or a WebSocket
/// <c>connection_init</c> payload (<c>Authorization</c>, <c>authorization</c> or <c>token</c>).
/// </summary>
internal static class BearerToken
{
    public const string QueryParameter = "access_token";

    /// <summary>The outcome of reading credentials: none, a token, or a malformed credential (never silently anonymous).</summary>
    public readonly record struct Presented(string? Token, string? Problem)
    {
        public static Presented None => default;

        public bool IsPresent => Token is not null || Problem is not null;
    }

    public static Presented FromHeader(string? authorization)
    {
        if (string.IsNullOrWhiteSpace(authorization))
        {
            return Presented.None;
        }

        const string scheme = "Bearer ";
        var value = authorization.Trim();
        return value.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) && value[scheme.Length..].Trim() is { Length: > 0 } token
            ? new Presented(token, null)
            : new Presented(null, "The Authorization header must be 'Bearer <access token>'.");
    }

    public static Presented FromHttp(HttpRequest request, bool allowQueryParameter)
    {
        var header = FromHeader(request.Headers.Authorization.ToString());
        if (header.IsPresent || !allowQueryParameter)
        {
            return header;
        }

        var query = request.Query[QueryParameter];
        return query.Count switch
        {
            0 => Presented.None,
            1 when !string.IsNullOrWhiteSpace(query[0]) => new Presented(query[0]!.Trim(), null),
            _ => new Presented(null, $"The '{QueryParameter}' parameter must appear once with a token."),
        };
    }

    /// <summary>Reads a <c>connection_init</c> payload; a key that is present with a non-string value is malformed.</summary>
    public static Presented FromInitPayload(JsonElement? payload)
    {
        if (payload is not { ValueKind: JsonValueKind.Object } value)
        {
            return Presented.None;
        }

        foreach (var key in (ReadOnlySpan<string>)["Authorization", "authorization", "token"])
        {
            if (!value.TryGetProperty(key, out var property) || property.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            if (property.ValueKind != JsonValueKind.String || property.GetString() is not { Length: > 0 } text)
            {
                return new Presented(null, $"connection_init payload '{key}' must be a string.");
            }

            // The header form is "Bearer <token>"; a bare token is accepted as well.
            return text.Contains(' ', StringComparison.Ordinal) ? FromHeader(text) : new Presented(text.Trim(), null);
        }

        return Presented.None;
    }
}
