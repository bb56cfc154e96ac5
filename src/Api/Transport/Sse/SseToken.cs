using System.Buffers.Text;
using System.Security.Cryptography;

namespace CollectionStore.Api.Transport.Sse;

/// <summary>
/// Single-connection reservation tokens: 256 random bits, base64url (43 characters). Read from the
/// <c>X-GraphQL-Event-Stream-Token</c> header, else the <c>token</c> query parameter.
/// </summary>
internal static class SseToken
{
    public const string HeaderName = "X-GraphQL-Event-Stream-Token";
    public const string QueryName = "token";

    private const int Bytes = 32;
    private const int Length = 43;

    public static string Create() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(Bytes));

    /// <summary>The token the request carries, or null when it carries none.</summary>
    public static string? Read(HttpRequest request)
    {
        var header = request.Headers[HeaderName];
        if (header.Count > 0 && !string.IsNullOrEmpty(header[0]))
        {
            return header[0];
        }

        var query = request.Query[QueryName];
        return query.Count > 0 && !string.IsNullOrEmpty(query[0]) ? query[0] : null;
    }

    /// <summary>True when the text could be a token this server issued.</summary>
    public static bool IsWellFormed(string token) =>
        token.Length == Length && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
