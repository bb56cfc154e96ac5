using System.Text.Json.Nodes;
using CollectionStore.Authorization.Identity;
using CollectionStore.Authorization.Tokens;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;

namespace CollectionStore.Authorization.Tests.Tokens;

public sealed class JwtAccessTokenIssuerTests
{
    private readonly FakeTimeProvider _time = new(TokenForge.Now);
    private readonly AuthOptions _options = new() { AccessTokenLifetime = TimeSpan.FromMinutes(10), ClockSkew = TimeSpan.FromSeconds(30) };

    [Theory]
    [MemberData(nameof(TestKey.Algorithms), MemberType = typeof(TestKey))]
    public async Task Issue_ThenValidate_RoundTripsEveryClaim(string algorithm)
    {
        var key = TestKey.Create(algorithm);
        var issued = new JwtAccessTokenIssuer(key.Keys, _options, _time).Issue(User("u-42", "admin", "editor"), "s-7");

        var result = await AccessTokenValidator.ForBuiltIn(key.Keys, _options, _time).ValidateAsync(issued.Value, CancellationToken.None);

        Assert.True(result.IsValid, result.Failure);
        var token = result.Token!;
        Assert.Equal("u-42", token.Subject);
        Assert.Equal("s-7", token.SessionId);
        Assert.Equal(["admin", "editor"], token.Roles);
        Assert.Equal(TokenForge.Now.AddMinutes(10), token.ExpiresAt);
        Assert.Equal(issued.ExpiresAt, token.ExpiresAt);
        Assert.Equal(TokenForge.Now, token.IssuedAt);
        Assert.Equal(issued.TokenId, token.TokenId);
        Assert.False(token.External);
    }

    [Theory]
    [MemberData(nameof(TestKey.Algorithms), MemberType = typeof(TestKey))]
    public void Issue_Header_IsAtJwtWithPinnedAlgorithmAndStableKeyId(string algorithm)
    {
        var key = TestKey.Create(algorithm);

        var header = Decode(new JwtAccessTokenIssuer(key.Keys, _options, _time).Issue(User("u"), "s").Value, 0);

        Assert.Equal("at+jwt", (string?)header["typ"]);
        Assert.Equal(algorithm, (string?)header["alg"]);
        Assert.Equal(key.Keys.KeyId, (string?)header["kid"]);
        Assert.False(string.IsNullOrEmpty(key.Keys.KeyId));
    }

    [Fact]
    public void Issue_Payload_HasEveryRegisteredClaimAndRolesAsArray()
    {
        var key = TestKey.Create("HS256");
        var issuer = new JwtAccessTokenIssuer(key.Keys, _options, _time);

        var single = Decode(issuer.Issue(User("u", "admin"), "s").Value, 1);
        var none = Decode(issuer.Issue(User("u"), "s").Value, 1);

        Assert.Equal(new JsonArray("admin").ToJsonString(), single["roles"]!.ToJsonString());
        Assert.Equal("[]", none["roles"]!.ToJsonString());
        Assert.Equal("u", (string?)single["sub"]);
        Assert.Equal("s", (string?)single["sid"]);
        Assert.Equal("collectionstore", (string?)single["iss"]);
        Assert.Equal("collectionstore", (string?)single["aud"]);
        Assert.Equal(TokenForge.Now.ToUnixTimeSeconds(), (long)single["iat"]!);
        Assert.Equal(TokenForge.Now.ToUnixTimeSeconds(), (long)single["nbf"]!);
        Assert.Equal(TokenForge.Now.AddMinutes(10).ToUnixTimeSeconds(), (long)single["exp"]!);
        Assert.NotEqual((string?)single["jti"], (string?)none["jti"]);
    }

    [Theory]
    [InlineData(29, true)]
    [InlineData(30, true)]
    [InlineData(31, false)]
    public async Task Validate_AfterExpiry_HonoursExactlyTheConfiguredSkew(int secondsPastExpiry, bool valid)
    {
        var key = TestKey.Create("HS256");
        var issued = new JwtAccessTokenIssuer(key.Keys, _options, _time).Issue(User("u"), "s");
        var validator = AccessTokenValidator.ForBuiltIn(key.Keys, _options, _time);

        _time.SetUtcNow(issued.ExpiresAt.AddSeconds(secondsPastExpiry));
        var result = await validator.ValidateAsync(issued.Value, CancellationToken.None);

        Assert.Equal(valid, result.IsValid);
        Assert.Equal(valid ? null : "Token has expired.", result.Failure);
        Assert.Equal(TimeSpan.FromSeconds(30), validator.ClockSkew);
    }

    [Theory]
    [InlineData(-29, true)]
    [InlineData(-31, false)]
    public async Task Validate_BeforeNotBefore_HonoursExactlyTheConfiguredSkew(int secondsFromIssue, bool valid)
    {
        var key = TestKey.Create("HS256");
        var issued = new JwtAccessTokenIssuer(key.Keys, _options, _time).Issue(User("u"), "s");

        var validatorTime = new FakeTimeProvider(TokenForge.Now.AddSeconds(secondsFromIssue));
        var result = await AccessTokenValidator.ForBuiltIn(key.Keys, _options, validatorTime).ValidateAsync(issued.Value, CancellationToken.None);

        Assert.Equal(valid ? null : "Token is not yet valid.", result.Failure);
    }

    [Fact]
    public async Task Validate_TokenOfAnotherKey_IsRefused()
    {
        var issued = new JwtAccessTokenIssuer(TestKey.Create("RS256").Keys, _options, _time).Issue(User("u"), "s");

        var result = await AccessTokenValidator.ForBuiltIn(TestKey.Create("RS256").Keys, _options, _time)
            .ValidateAsync(issued.Value, CancellationToken.None);

        Assert.Equal("Token signature is invalid.", result.Failure);
    }

    internal static UserAccount User(string id, params string[] roles) =>
        new(id, $"name-{id}", roles, [], Disabled: false, TokenForge.Now, TokenForge.Now, Version: 1);

    private static JsonObject Decode(string token, int part) =>
        JsonNode.Parse(Base64UrlEncoder.Decode(token.Split('.')[part]))!.AsObject();
}
