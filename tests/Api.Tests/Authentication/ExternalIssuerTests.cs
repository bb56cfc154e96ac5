using CollectionStore.Api.Tests.Infrastructure;

namespace CollectionStore.Api.Tests.Authentication;

/// <summary>
/// With <c>Auth:Authority</c> the server trusts an external OIDC issuer (discovery document + JWKS served here by
/// the test): its tokens work on every transport, anything else is refused the same way as built-in tokens,
/// built-in login is off, and connections still end at the token's expiry.
/// </summary>
public sealed class ExternalIssuerTests(ExternalIssuerTests.Servers servers) : IClassFixture<ExternalIssuerTests.Servers>
{
    private ApiServer Server => servers.Server;

    private ExternalIssuer Issuer => servers.Issuer;

    [Theory]
    [MemberData(nameof(TokenAttackTests.Transports), MemberType = typeof(TokenAttackTests))]
    public async Task IssuersToken_AnyTransport_IsAccepted(string transport)
    {
        var token = Issuer.Token("ext-user-1", ["member"], TimeSpan.FromMinutes(5));

        Assert.True(await CredentialProbe.IsAcceptedAsync(Server, transport, $"Bearer {token}"));
    }

    [Theory]
    [MemberData(nameof(TokenAttackTests.Transports), MemberType = typeof(TokenAttackTests))]
    public async Task ForeignOrExpiredTokens_AnyTransport_AreRefused(string transport)
    {
        var unpublished = Issuer.Token("ext-user-1", ["admin"], TimeSpan.FromMinutes(5), unpublishedKey: true);
        var otherIssuer = Issuer.Token("ext-user-1", ["admin"], TimeSpan.FromMinutes(5), issuer: "http://127.0.0.1:1");
        var expired = Issuer.Token("ext-user-1", ["member"], TimeSpan.FromSeconds(-1));

        Assert.False(await CredentialProbe.IsAcceptedAsync(Server, transport, $"Bearer {unpublished}"));
        Assert.False(await CredentialProbe.IsAcceptedAsync(Server, transport, $"Bearer {otherIssuer}"));
        Assert.False(await CredentialProbe.IsAcceptedAsync(Server, transport, $"Bearer {expired}"));
    }

    [Fact]
    public async Task BuiltInLogin_IsSwitchedOff()
    {
        var response = await GraphQLHttp.PostJsonAsync(
            Server.Client, new { query = "mutation { login(input: { username: \"admin\", password: \"whatever-it-is\" }) { accessToken } }" });

        Assert.Equal("LOGIN_DISABLED", response.FirstErrorCode);
    }

    [Fact]
    public async Task IssuersToken_LiveConnection_EndsAtItsExpiry()
    {
        var token = Issuer.Token("ext-user-2", ["member"], TimeSpan.FromSeconds(3));
        await using var subscription = await LiveSubscription.OpenAsync(Server, "graphql-ws", token);

        Assert.Equal("close 4403 Token expired", await subscription.EndingAsync());
    }

    /// <summary>The issuer and a server trusting it, shared by the cases.</summary>
    public sealed class Servers : IAsyncLifetime
    {
        private ExternalIssuer? _issuer;
        private ApiServer? _server;

        public ApiServer Server => _server!;

        public ExternalIssuer Issuer => _issuer!;

        public async Task InitializeAsync()
        {
            _issuer = await ExternalIssuer.StartAsync();
            _server = await AuthenticationServer.StartAsync(new Dictionary<string, string?>
            {
                ["Auth:SigningKey"] = null,
                ["Auth:Authority"] = _issuer.Authority,
                ["Auth:Audience"] = ExternalIssuer.Audience,
                ["Auth:RoleClaim"] = "groups",
                ["Auth:RequireHttpsMetadata"] = "false",
                ["Auth:ClockSkew"] = "00:00:00",
            });
        }

        public async Task DisposeAsync()
        {
            await Server.DisposeAsync();
            await Issuer.DisposeAsync();
        }
    }
}
