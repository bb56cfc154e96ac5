using System.Buffers.Text;
using System.Text.Json;

namespace CollectionStore.Authorization.Tokens;

/// <summary>
/// The checks that run before the token library sees a token: JWS compact shape, a well-formed header without
/// duplicate members, a pinned algorithm (so <c>none</c> in any casing and algorithm confusion never reach signature
/// code), no header that would point at other keys, and for built-in tokens the <c>at+jwt</c> type.
/// </summary>
internal static class CompactTokenHeader
{
    // Headers that would let a token name its own key or demand extensions this server does not implement.
    private static readonly string[] RefusedMembers = ["crit", "jku", "jwk", "x5u"];

    /// <summary>Returns null when the header passes, else the refusal reason.</summary>
    public static string? Check(string token, IReadOnlyCollection<string> algorithms, bool requireAccessTokenType)
    {
        var parts = token.Split('.');
        if (parts.Length != 3 || parts[0].Length == 0 || parts[1].Length == 0 || !parts.All(IsBase64UrlText))
        {
            return TokenFailures.Malformed;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[0]));
        }
        catch (Exception ex) when (ex is JsonException or FormatException)
        {
            return TokenFailures.Malformed;
        }

        using (document)
        {
            return CheckMembers(document.RootElement, parts[2].Length == 0, algorithms, requireAccessTokenType);
        }
    }

    private static string? CheckMembers(JsonElement header, bool unsigned, IReadOnlyCollection<string> algorithms, bool requireAccessTokenType)
    {
        if (header.ValueKind != JsonValueKind.Object || HasDuplicateMembers(header))
        {
            return TokenFailures.Malformed;
        }

        if (!header.TryGetProperty("alg", out var alg) || alg.ValueKind != JsonValueKind.String)
        {
            return TokenFailures.Malformed;
        }

        var algorithm = alg.GetString()!;
        if (unsigned || algorithm.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            return TokenFailures.Unsigned;
        }

        if (!algorithms.Contains(algorithm, StringComparer.Ordinal))
        {
            return TokenFailures.AlgorithmNotAllowed;
        }

        if (RefusedMembers.Any(name => header.TryGetProperty(name, out _)))
        {
            return TokenFailures.UnsupportedHeader;
        }

        return requireAccessTokenType && !IsAccessTokenType(header) ? TokenFailures.NotAccessToken : null;
    }

    private static bool IsAccessTokenType(JsonElement header) =>
        header.TryGetProperty("typ", out var typ)
        && typ.ValueKind == JsonValueKind.String
        && (string.Equals(typ.GetString(), AccessTokenClaims.TokenType, StringComparison.OrdinalIgnoreCase)
            || string.Equals(typ.GetString(), AccessTokenClaims.MediaTokenType, StringComparison.OrdinalIgnoreCase));

    // Only the unpadded URL-safe alphabet: decoders that skip whitespace or padding would accept other spellings.
    private static bool IsBase64UrlText(string segment) =>
        segment.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    // Parsers disagree on which duplicate wins; a header that could mean two things is refused outright.
    private static bool HasDuplicateMembers(JsonElement header)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in header.EnumerateObject())
        {
            if (!names.Add(member.Name))
            {
                return true;
            }
        }

        return false;
    }
}
