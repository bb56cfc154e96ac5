using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace CollectionStore.Api.Tests.Authentication;

/// <summary>
/// Hand-made JWTs for attack tests: a real token's claims re-encoded with a chosen header, claims and signature,
/// so each case differs from a valid token in exactly one way.
/// </summary>
public static class TestTokens
{
    /// <summary>The HS256 key the authentication test servers are configured with (base64 of 32 random bytes).</summary>
    public static readonly string SigningKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static byte[] KeyBytes => Convert.FromBase64String(SigningKey);

    public static JsonObject Header(string token) => Decode(token.Split('.')[0]);

    public static JsonObject Claims(string token) => Decode(token.Split('.')[1]);

    /// <summary>Encodes header and claims and signs them with HMAC (<paramref name="algorithm"/> HS256 or HS512) and <paramref name="key"/>.</summary>
    public static string Sign(JsonObject header, JsonObject claims, byte[] key, string algorithm = "HS256")
    {
        var signingInput = $"{Encode(header)}.{Encode(claims)}";
        var data = Encoding.ASCII.GetBytes(signingInput);
        var signature = algorithm == "HS512" ? HMACSHA512.HashData(key, data) : HMACSHA256.HashData(key, data);
        return $"{signingInput}.{Base64Url(signature)}";
    }

    /// <summary>An unsigned token (<c>alg</c> none in the given casing, empty signature).</summary>
    public static string Unsigned(JsonObject claims, string alg)
    {
        var header = new JsonObject { ["alg"] = alg, ["typ"] = "at+jwt" };
        return $"{Encode(header)}.{Encode(claims)}.";
    }

    public static string Encode(JsonNode node) => Base64Url(Encoding.UTF8.GetBytes(node.ToJsonString()));

    public static long UnixNow() => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static JsonObject Decode(string part)
    {
        var padded = part.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - (padded.Length % 4)) % 4);
        return JsonNode.Parse(Convert.FromBase64String(padded))!.AsObject();
    }
}
