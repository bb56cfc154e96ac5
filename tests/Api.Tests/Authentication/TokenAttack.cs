using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace CollectionStore.Api.Tests.Authentication;

/// <summary>
/// One way of presenting a bad credential, built from a real, valid login (its access and refresh tokens), so
/// everything but the attack itself is genuine: the session exists and the key is the server's.
/// </summary>
public sealed record TokenAttack(string Name, Func<string, string, string> Credential)
{
    public override string ToString() => Name;

    /// <summary>The <c>Authorization</c> header value for an attack on a valid access and refresh token pair.</summary>
    public string Header(string accessToken, string refreshToken)
    {
        var credential = Credential(accessToken, refreshToken);
        return credential.StartsWith("Basic ", StringComparison.Ordinal) ? credential : $"Bearer {credential}";
    }

    public static IReadOnlyList<TokenAttack> All { get; } =
    [
        new("alg none", (access, _) => TestTokens.Unsigned(TestTokens.Claims(access), "none")),
        new("alg None", (access, _) => TestTokens.Unsigned(TestTokens.Claims(access), "None")),
        new("alg NONE", (access, _) => TestTokens.Unsigned(TestTokens.Claims(access), "NONE")),
        new("alg nOnE", (access, _) => TestTokens.Unsigned(TestTokens.Claims(access), "nOnE")),
        new("signed with another key", (access, _) => Resign(access, key: RandomNumberGenerator.GetBytes(32))),
        new("HS512 with the right key", (access, _) => Resign(access, algorithm: "HS512")),
        new("claims changed after signing", (access, _) => Tampered(access)),
        new("wrong audience", (access, _) => Resign(access, claims => claims["aud"] = "another-api")),
        new("missing audience", (access, _) => Resign(access, claims => claims.Remove("aud"))),
        new("wrong issuer", (access, _) => Resign(access, claims => claims["iss"] = "https://evil.example")),
        new("expired beyond the skew", (access, _) => Resign(access, claims =>
        {
            claims["iat"] = TestTokens.UnixNow() - 600;
            claims["nbf"] = TestTokens.UnixNow() - 600;
            claims["exp"] = TestTokens.UnixNow() - 31;
        })),
        new("not valid before the future", (access, _) => Resign(access, claims => claims["nbf"] = TestTokens.UnixNow() + 300)),
        new("missing expiry", (access, _) => Resign(access, claims => claims.Remove("exp"))),
        new("not an access token type", (access, _) => Resign(access, header: header => header["typ"] = "JWT")),
        new("refresh token as access token", (_, refresh) => refresh),
        new("over 16 KB", (access, _) => Resign(access, claims => claims["padding"] = new string('x', 17 * 1024))),
        new("not a JWT", (_, _) => "not-a-token"),
        new("Basic scheme", (_, _) => "Basic YWRtaW46YWRtaW4="),
    ];

    /// <summary>The genuine token re-signed unchanged: must be accepted, or the attacks prove nothing.</summary>
    public static string Control(string accessToken) => Resign(accessToken);

    private static string Resign(string access, Action<JsonObject>? claims = null, Action<JsonObject>? header = null, byte[]? key = null, string algorithm = "HS256")
    {
        var h = TestTokens.Header(access);
        h["alg"] = algorithm;
        header?.Invoke(h);
        var c = TestTokens.Claims(access);
        claims?.Invoke(c);
        return TestTokens.Sign(h, c, key ?? TestTokens.KeyBytes, algorithm);
    }

    private static string Tampered(string access)
    {
        var parts = access.Split('.');
        var claims = TestTokens.Claims(access);
        claims["roles"] = new JsonArray("admin");
        claims["sub"] = "someone-else";
        return $"{parts[0]}.{TestTokens.Encode(claims)}.{parts[2]}";
    }
}
