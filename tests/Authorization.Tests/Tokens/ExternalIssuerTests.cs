using System.Security.Cryptography;
using System.Text.Json.Nodes;
using CollectionStore.Authorization.Identity;
using CollectionStore.Authorization.Tokens;
using Microsoft.Extensions.Time.Testing;

namespace CollectionStore.Authorization.Tests.Tokens;

/// <summary>Tokens of an external OIDC issuer whose discovery document and JWKS the test serves on loopback.</summary>
public sealed class ExternalIssuerTests : IAsyncLifetime, IDisposable
{
    private readonly RSA _rsa = RSA.Create(2048);
    private readonly ECDsa _ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly HttpClient _http = new();
    private readonly FakeTimeProvider _time = new(TokenForge.Now);
    private LocalOidcServer _server = null!;

    public Task InitializeAsync()
    {
        _server = LocalOidcServer.Start();
        _server.ServeKeys(LocalOidcServer.Jwk(_rsa, "rsa-1"), LocalOidcServer.Jwk(_ecdsa, "ec-1"));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose()
    {
        _http.Dispose();
        _rsa.Dispose();
        _ecdsa.Dispose();
    }

    [Fact]
    public async Task Validate_Rs256TokenOfTheIssuer_IsAcceptedWithRolesFromTheRoleClaim()
    {
        var payload = Payload().With("groups", new JsonArray("admin", "sales"));

        var result = await Validate(Rs256(payload));

        Assert.True(result.IsValid, result.Failure);
        Assert.Equal("user-1", result.Token!.Subject);
        Assert.Equal(["admin", "sales"], result.Token.Roles);
        Assert.Null(result.Token.SessionId);
        Assert.True(result.Token.External);
        Assert.Equal(TokenForge.Now.AddMinutes(15), result.Token.ExpiresAt);
    }

    [Fact]
    public async Task Validate_RoleClaimAsSingleStringOrAbsent_GivesOneOrNoRole()
    {
        var single = await Validate(Rs256(Payload().With("groups", "auditor")));
        var absent = await Validate(Rs256(Payload()));

        Assert.Equal(["auditor"], single.Token!.Roles);
        Assert.Empty(absent.Token!.Roles);
    }

    [Fact]
    public async Task Validate_Es256TokenOfTheIssuer_IsAccepted()
    {
        var header = new JsonObject { ["alg"] = "ES256", ["typ"] = "JWT", ["kid"] = "ec-1" };

        var result = await Validate(TokenForge.Sign(header, Payload(), data => _ecdsa.SignData(data, HashAlgorithmName.SHA256)));

        Assert.True(result.IsValid, result.Failure);
    }

    [Fact]
    public async Task Validate_TokenOfAnotherKeyIssuerOrAudience_IsRefused()
    {
        using var stranger = RSA.Create(2048);
        var sameKid = TokenForge.Sign(Header("RS256", "rsa-1"), Payload(), Signer(stranger));
        var unknownKid = TokenForge.Sign(Header("RS256", "rsa-9"), Payload(), Signer(stranger));

        Assert.Equal("Token signature is invalid.", (await Validate(sameKid)).Failure);
        Assert.Equal("Token signature is invalid.", (await Validate(unknownKid)).Failure);
        Assert.Equal("Token issuer is not accepted.", (await Validate(Rs256(Payload().With("iss", "https://evil.example")))).Failure);
        Assert.Equal("Token audience is not accepted.", (await Validate(Rs256(Payload().With("aud", "someone-else")))).Failure);
    }

    [Fact]
    public async Task Validate_SymmetricOrUnsignedToken_IsRefused()
    {
        var publicPem = System.Text.Encoding.ASCII.GetBytes(_rsa.ExportSubjectPublicKeyInfoPem());

        var confused = await Validate(TokenForge.SignHmac(Header("HS256", "rsa-1"), Payload(), publicPem));
        var secret = await Validate(TokenForge.SignHmac(Header("HS256", null), Payload(), RandomNumberGenerator.GetBytes(32)));
        var none = await Validate(TokenForge.Unsigned(Header("nOnE", null), Payload()));

        Assert.Equal("Token algorithm is not allowed.", confused.Failure);
        Assert.Equal("Token algorithm is not allowed.", secret.Failure);
        Assert.Equal("Token is unsigned.", none.Failure);
    }

    [Fact]
    public async Task Validate_MissingSubjectOrExpired_IsRefused()
    {
        var missingSubject = await Validate(Rs256(Payload().Without("sub")));
        _time.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(31));
        var expired = await Validate(Rs256(Payload()));

        Assert.Equal("Token has no subject.", missingSubject.Failure);
        Assert.Equal("Token has expired.", expired.Failure);
    }

    [Fact]
    public async Task Validate_DiscoveryIssuerOtherThanTheAuthority_RefusesEveryToken()
    {
        _server.Issuer = "https://elsewhere.example";

        var result = await Validate(Rs256(Payload().With("iss", "https://elsewhere.example")));

        Assert.Equal("Token issuer metadata is unavailable.", result.Failure);
    }

    [Fact]
    public async Task Validate_HttpMetadataWhenHttpsIsRequired_IsRefused()
    {
        var options = Options();
        options.RequireHttpsMetadata = true;

        var result = await AccessTokenValidator.ForAuthority(options, _http, _time).ValidateAsync(Rs256(Payload()), CancellationToken.None);

        Assert.Equal("Token issuer metadata is unavailable.", result.Failure);
        Assert.Equal(0, _server.JwksRequests);
    }

    [Fact]
    public async Task Validate_TokenOfARotatedKey_IsAcceptedAfterTheJwksIsFetchedAgain()
    {
        var validator = AccessTokenValidator.ForAuthority(Options(), _http, _time);
        Assert.True((await validator.ValidateAsync(Rs256(Payload()), CancellationToken.None)).IsValid);
        using var next = RSA.Create(2048);
        _server.ServeKeys(LocalOidcServer.Jwk(next, "rsa-2"));
        var rotated = TokenForge.Sign(Header("RS256", "rsa-2"), Payload(), Signer(next));

        var deadline = DateTime.UtcNow.AddSeconds(10);
        var result = await validator.ValidateAsync(rotated, CancellationToken.None);
        while (!result.IsValid && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
            result = await validator.ValidateAsync(rotated, CancellationToken.None);
        }

        Assert.True(result.IsValid, result.Failure);
    }

    [Fact]
    public async Task Validate_ManyUnknownKeyIds_FetchTheJwksAtMostOnceMore()
    {
        var validator = AccessTokenValidator.ForAuthority(Options(), _http, _time);
        Assert.True((await validator.ValidateAsync(Rs256(Payload()), CancellationToken.None)).IsValid);
        var fetchesBefore = _server.JwksRequests;
        using var stranger = RSA.Create(2048);

        for (var i = 0; i < 20; i++)
        {
            var forged = TokenForge.Sign(Header("RS256", $"forged-{i}"), Payload(), Signer(stranger));
            Assert.False((await validator.ValidateAsync(forged, CancellationToken.None)).IsValid);
        }

        Assert.Equal(1, fetchesBefore);
        Assert.InRange(_server.JwksRequests - fetchesBefore, 0, 1);
    }

    private AuthOptions Options() => new()
    {
        Authority = _server.Authority,
        Audience = "api://collectionstore",
        RoleClaim = "groups",
        RequireHttpsMetadata = false,
        ClockSkew = TimeSpan.FromSeconds(30),
    };

    private JsonObject Payload() =>
        TokenForge.Payload(issuer: _server.Authority, audience: "api://collectionstore").Without("sid").Without("roles");

    private static JsonObject Header(string algorithm, string? kid) => kid is null
        ? new JsonObject { ["alg"] = algorithm, ["typ"] = "JWT" }
        : new JsonObject { ["alg"] = algorithm, ["typ"] = "JWT", ["kid"] = kid };

    private static Func<byte[], byte[]> Signer(RSA rsa) =>
        data => rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

    private string Rs256(JsonObject payload) => TokenForge.Sign(Header("RS256", "rsa-1"), payload, Signer(_rsa));

    private Task<TokenValidation> Validate(string token) =>
        AccessTokenValidator.ForAuthority(Options(), _http, _time).ValidateAsync(token, CancellationToken.None).AsTask();
}
