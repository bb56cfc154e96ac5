using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace CollectionStore.Authorization.Tests.Tokens;

/// <summary>Builds JWS compact tokens by hand, byte by byte, so tests can make every malformation an attacker can.</summary>
internal static class TokenForge
{
    public static readonly DateTimeOffset Now = new(2031, 3, 4, 5, 6, 7, TimeSpan.Zero);

    public static JsonObject Header(string algorithm, string? kid = null) => kid is null
        ? new JsonObject { ["alg"] = algorithm, ["typ"] = "at+jwt" }
        : new JsonObject { ["alg"] = algorithm, ["typ"] = "at+jwt", ["kid"] = kid };

    /// <summary>The claims of a good built-in token issued at <see cref="Now"/> for fifteen minutes.</summary>
    public static JsonObject Payload(string issuer = "collectionstore", string audience = "collectionstore") => new()
    {
        ["sub"] = "user-1",
        ["sid"] = "session-1",
        ["roles"] = new JsonArray("editor"),
        ["iss"] = issuer,
        ["aud"] = audience,
        ["iat"] = Now.ToUnixTimeSeconds(),
        ["nbf"] = Now.ToUnixTimeSeconds(),
        ["exp"] = Now.AddMinutes(15).ToUnixTimeSeconds(),
        ["jti"] = "token-1",
    };

    public static string Sign(JsonObject header, JsonObject payload, TestKey key) =>
        Sign(header, payload, key.Sign);

    public static string Sign(JsonObject header, JsonObject payload, Func<byte[], byte[]> sign)
    {
        var signingInput = SigningInput(header.ToJsonString(), payload.ToJsonString());
        return $"{signingInput}.{Base64UrlEncoder.Encode(sign(Encoding.ASCII.GetBytes(signingInput)))}";
    }

    /// <summary>HS256 with the given bytes as the secret (e.g. a public key, for algorithm confusion).</summary>
    public static string SignHmac(JsonObject header, JsonObject payload, byte[] secret) =>
        Sign(header, payload, data => HMACSHA256.HashData(secret, data));

    public static string Unsigned(JsonObject header, JsonObject payload) =>
        $"{SigningInput(header.ToJsonString(), payload.ToJsonString())}.";

    public static string SigningInput(string headerJson, string payloadJson) =>
        $"{Base64UrlEncoder.Encode(headerJson)}.{Base64UrlEncoder.Encode(payloadJson)}";

    public static JsonObject Without(this JsonObject json, string member)
    {
        var copy = (JsonObject)json.DeepClone();
        copy.Remove(member);
        return copy;
    }

    public static JsonObject With(this JsonObject json, string member, JsonNode? value)
    {
        var copy = (JsonObject)json.DeepClone();
        copy[member] = value;
        return copy;
    }
}
