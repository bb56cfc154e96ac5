using System.Security.Cryptography;
using System.Text.Json.Nodes;
using CollectionStore.Authorization.Identity;
using CollectionStore.Authorization.Tokens;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;

namespace CollectionStore.Authorization.Tests.Tokens;

/// <summary>Every token attack against built-in tokens, with tokens forged by hand for each key kind.</summary>
public sealed class BuiltInTokenAttackTests
{
    private static readonly AuthOptions DefaultOptions = new() { ClockSkew = TimeSpan.FromSeconds(30) };
    private readonly FakeTimeProvider _time = new(TokenForge.Now);

    [Theory]
    [MemberData(nameof(TestKey.Algorithms), MemberType = typeof(TestKey))]
    public async Task Validate_HandForgedGoodToken_IsAccepted(string algorithm)
    {
        // The control for every refusal below: the forge itself makes tokens the validator accepts.
        var key = TestKey.Create(algorithm);

        var result = await Validate(key, TokenForge.Sign(TokenForge.Header(algorithm, key.Keys.KeyId), TokenForge.Payload(), key));

        Assert.True(result.IsValid, result.Failure);
        Assert.Equal(["editor"], result.Token!.Roles);
    }

    [Theory]
    [MemberData(nameof(TestKey.Algorithms), MemberType = typeof(TestKey))]
    public async Task Validate_AlgNoneInAnyCasing_IsRefusedAsUnsigned(string algorithm)
    {
        var key = TestKey.Create(algorithm);
        foreach (var none in new[] { "none", "None", "NONE", "nOnE" })
        {
            var unsigned = await Validate(key, TokenForge.Unsigned(TokenForge.Header(none), TokenForge.Payload()));
            var withSignature = await Validate(key, TokenForge.Sign(TokenForge.Header(none), TokenForge.Payload(), key));

            Assert.Equal("Token is unsigned.", unsigned.Failure);
            Assert.Equal("Token is unsigned.", withSignature.Failure);
        }
    }

    [Theory]
    [MemberData(nameof(TestKey.Algorithms), MemberType = typeof(TestKey))]
    public async Task Validate_PinnedAlgorithmWithEmptySignature_IsRefusedAsUnsigned(string algorithm)
    {
        var key = TestKey.Create(algorithm);

        var result = await Validate(key, TokenForge.Unsigned(TokenForge.Header(algorithm), TokenForge.Payload()));

        Assert.Equal("Token is unsigned.", result.Failure);
    }

    [Theory]
    [MemberData(nameof(TestKey.AsymmetricAlgorithms), MemberType = typeof(TestKey))]
    public async Task Validate_Hs256SignedWithThePublicKey_IsRefused(string algorithm)
    {
        var key = TestKey.Create(algorithm);
        var header = TokenForge.Header("HS256", key.Keys.KeyId);

        var withPem = await Validate(key, TokenForge.SignHmac(header, TokenForge.Payload(), key.PublicKeyPem));
        var withDer = await Validate(key, TokenForge.SignHmac(header, TokenForge.Payload(), key.PublicKeyDer));

        Assert.Equal("Token algorithm is not allowed.", withPem.Failure);
        Assert.Equal("Token algorithm is not allowed.", withDer.Failure);
    }

    [Theory]
    [InlineData("HS256", "RS256")]
    [InlineData("HS256", "ES256")]
    [InlineData("RS256", "ES256")]
    [InlineData("ES256", "RS256")]
    [InlineData("RS256", "PS256")]
    [InlineData("HS256", "HS512")]
    [InlineData("HS256", "hs256")]
    public async Task Validate_AnyAlgorithmButThePinnedOne_IsRefused(string pinned, string presented)
    {
        var key = TestKey.Create(pinned);
        var other = TestKey.Create(presented is "RS256" or "ES256" ? presented : "HS256");

        var result = await Validate(key, TokenForge.Sign(TokenForge.Header(presented), TokenForge.Payload(), other));

        Assert.Equal("Token algorithm is not allowed.", result.Failure);
    }

    [Theory]
    [MemberData(nameof(TestKey.Algorithms), MemberType = typeof(TestKey))]
    public async Task Validate_WrongSignature_IsRefused(string algorithm)
    {
        var key = TestKey.Create(algorithm);
        var good = TokenForge.Sign(TokenForge.Header(algorithm, key.Keys.KeyId), TokenForge.Payload(), key);
        var otherKey = TokenForge.Sign(TokenForge.Header(algorithm, key.Keys.KeyId), TokenForge.Payload(), TestKey.Create(algorithm));
        var tamperedPayload = TokenForge.SigningInput(
            TokenForge.Header(algorithm, key.Keys.KeyId).ToJsonString(),
            TokenForge.Payload().With("roles", new JsonArray("admin")).ToJsonString()) + good[good.LastIndexOf('.')..];

        Assert.Equal("Token signature is invalid.", (await Validate(key, otherKey)).Failure);
        Assert.Equal("Token signature is invalid.", (await Validate(key, tamperedPayload)).Failure);
    }

    [Theory]
    [MemberData(nameof(TestKey.Algorithms), MemberType = typeof(TestKey))]
    public async Task Validate_WrongOrMissingIssuerOrAudience_IsRefused(string algorithm)
    {
        var key = TestKey.Create(algorithm);
        var header = TokenForge.Header(algorithm);

        Assert.Equal("Token issuer is not accepted.", (await Validate(key, TokenForge.Sign(header, TokenForge.Payload(issuer: "evil"), key))).Failure);
        Assert.Equal("Token issuer is not accepted.", (await Validate(key, TokenForge.Sign(header, TokenForge.Payload().Without("iss"), key))).Failure);
        Assert.Equal("Token audience is not accepted.", (await Validate(key, TokenForge.Sign(header, TokenForge.Payload(audience: "other"), key))).Failure);
        Assert.Equal("Token audience is not accepted.", (await Validate(key, TokenForge.Sign(header, TokenForge.Payload().Without("aud"), key))).Failure);
    }

    [Theory]
    [MemberData(nameof(TestKey.Algorithms), MemberType = typeof(TestKey))]
    public async Task Validate_BadLifetime_IsRefused(string algorithm)
    {
        var key = TestKey.Create(algorithm);
        var header = TokenForge.Header(algorithm);
        var now = TokenForge.Now.ToUnixTimeSeconds();

        var expired = TokenForge.Payload().With("nbf", now - 900).With("exp", now - 31);
        var future = TokenForge.Payload().With("nbf", now + 31);
        var noExpiry = TokenForge.Payload().Without("exp");
        var pastDefaultSkew = TokenForge.Payload().With("nbf", now - 900).With("exp", now - 120);
        var inverted = TokenForge.Payload().With("nbf", now + 60).With("exp", now + 10);

        Assert.Equal("Token has expired.", (await Validate(key, TokenForge.Sign(header, expired, key))).Failure);
        Assert.Equal("Token has expired.", (await Validate(key, TokenForge.Sign(header, pastDefaultSkew, key))).Failure);
        Assert.Equal("Token is not yet valid.", (await Validate(key, TokenForge.Sign(header, future, key))).Failure);
        Assert.Equal("Token has no expiry.", (await Validate(key, TokenForge.Sign(header, noExpiry, key))).Failure);
        Assert.Equal("Token lifetime is invalid.", (await Validate(key, TokenForge.Sign(header, inverted, key))).Failure);
    }

    [Theory]
    [MemberData(nameof(TestKey.Algorithms), MemberType = typeof(TestKey))]
    public async Task Validate_TypeOtherThanAtJwt_IsRefused(string algorithm)
    {
        var key = TestKey.Create(algorithm);
        var payload = TokenForge.Payload();

        var jwt = await Validate(key, TokenForge.Sign(TokenForge.Header(algorithm).With("typ", "JWT"), payload, key));
        var missing = await Validate(key, TokenForge.Sign(TokenForge.Header(algorithm).Without("typ"), payload, key));
        var mediaType = await Validate(key, TokenForge.Sign(TokenForge.Header(algorithm).With("typ", "application/at+jwt"), payload, key));

        Assert.Equal("Token is not an access token.", jwt.Failure);
        Assert.Equal("Token is not an access token.", missing.Failure);
        Assert.True(mediaType.IsValid, mediaType.Failure);
    }

    [Theory]
    [MemberData(nameof(TestKey.Algorithms), MemberType = typeof(TestKey))]
    public async Task Validate_MissingSubjectOrSession_IsRefused(string algorithm)
    {
        var key = TestKey.Create(algorithm);
        var header = TokenForge.Header(algorithm);

        Assert.Equal("Token has no subject.", (await Validate(key, TokenForge.Sign(header, TokenForge.Payload().Without("sub"), key))).Failure);
        Assert.Equal("Token has no subject.", (await Validate(key, TokenForge.Sign(header, TokenForge.Payload().With("sub", " "), key))).Failure);
        Assert.Equal("Token has no session.", (await Validate(key, TokenForge.Sign(header, TokenForge.Payload().Without("sid"), key))).Failure);
    }

    [Fact]
    public async Task Validate_HeaderThatNamesItsOwnKeyOrDuplicatesAlg_IsRefused()
    {
        var key = TestKey.Create("HS256");
        var payload = TokenForge.Payload();
        var embeddedKey = TokenForge.Header("HS256").With("jwk", new JsonObject { ["kty"] = "oct", ["k"] = "AAAA" });
        var keyUrl = TokenForge.Header("HS256").With("jku", "https://evil.example/jwks");
        var duplicate = TokenForge.SigningInput("""{"alg":"HS256","typ":"at+jwt","alg":"none"}""", payload.ToJsonString());
        var duplicateSigned = $"{duplicate}.{Base64UrlEncoder.Encode(key.Sign(System.Text.Encoding.ASCII.GetBytes(duplicate)))}";

        Assert.Equal("Token header is not supported.", (await Validate(key, TokenForge.Sign(embeddedKey, payload, key))).Failure);
        Assert.Equal("Token header is not supported.", (await Validate(key, TokenForge.Sign(keyUrl, payload, key))).Failure);
        Assert.Equal("Token is not a signed JWT.", (await Validate(key, duplicateSigned)).Failure);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("a.b")]
    [InlineData("a.b.c.d.e")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.e30.sig.extra")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9 .e30.c2ln")]
    [InlineData("bm90IGpzb24.e30.c2ln")]
    public async Task Validate_NotAJwsCompactToken_IsRefused(string token)
    {
        var result = await Validate(TestKey.Create("HS256"), token);

        Assert.Equal("Token is not a signed JWT.", result.Failure);
    }

    [Fact]
    public async Task Validate_RefreshTokenPresentedAsAccessToken_IsRefused()
    {
        // Refresh tokens are opaque random strings; one must never pass as an access token.
        var refreshToken = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));

        var result = await Validate(TestKey.Create("HS256"), refreshToken);

        Assert.Equal("Token is not a signed JWT.", result.Failure);
    }

    [Fact]
    public async Task Validate_OversizedToken_IsRefusedBeforeParsing()
    {
        var key = TestKey.Create("HS256");
        var bloated = TokenForge.Sign(TokenForge.Header("HS256"), TokenForge.Payload().With("pad", new string('x', 16 * 1024)), key);
        // Garbage that any parser would reject as malformed: refused for size proves the size check ran first.
        var garbage = new string('!', (16 * 1024) + 1);
        var nonAscii = new string('é', (16 * 1024 / 2) + 1);

        Assert.Equal("Token is too large.", (await Validate(key, bloated)).Failure);
        Assert.Equal("Token is too large.", (await Validate(key, garbage)).Failure);
        Assert.Equal("Token is too large.", (await Validate(key, nonAscii)).Failure);
        Assert.Equal("Token is not a signed JWT.", (await Validate(key, new string('!', 16 * 1024))).Failure);
    }

    private Task<TokenValidation> Validate(TestKey key, string token) =>
        AccessTokenValidator.ForBuiltIn(key.Keys, DefaultOptions, _time).ValidateAsync(token, CancellationToken.None).AsTask();
}
