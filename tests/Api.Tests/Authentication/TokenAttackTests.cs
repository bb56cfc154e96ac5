using CollectionStore.Api.Tests.Infrastructure;
using CollectionStore.Authorization.Identity;

namespace CollectionStore.Api.Tests.Authentication;

/// <summary>
/// Every token attack of the security list, on every transport: each is refused exactly as a bad token is on
/// that transport, while the same genuine token re-signed unchanged is accepted (so the refusals prove something).
/// </summary>
public sealed class TokenAttackTests(TokenAttackTests.SignedInServer fixture) : IClassFixture<TokenAttackTests.SignedInServer>
{
    private readonly ApiServer _server = fixture.Server;
    private readonly IssuedTokens _tokens = fixture.Tokens;

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var transport in CredentialProbe.Transports)
        {
            foreach (var attack in TokenAttack.All)
            {
                data.Add(transport, attack.Name);
            }
        }

        return data;
    }

    public static TheoryData<string> Transports() => [.. CredentialProbe.Transports];


    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Attack_AnyTransport_IsRefused(string transport, string attackName)
    {
        var attack = TokenAttack.All.Single(a => a.Name == attackName);

        var accepted = await CredentialProbe.IsAcceptedAsync(_server, transport, attack.Header(_tokens.AccessToken, _tokens.RefreshToken));

        Assert.False(accepted, $"{attackName} was accepted over {transport}");
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task GenuineTokenResigned_AnyTransport_IsAccepted(string transport)
    {
        Assert.True(await CredentialProbe.IsAcceptedAsync(_server, transport, $"Bearer {TokenAttack.Control(_tokens.AccessToken)}"));
        Assert.True(await CredentialProbe.IsAcceptedAsync(_server, transport, $"Bearer {_tokens.AccessToken}"));
    }

    /// <summary>One server and one genuine sign-in shared by every case (hashing passwords is deliberately slow).</summary>
    public sealed class SignedInServer : IAsyncLifetime
    {
        private ApiServer? _server;
        private IssuedTokens? _tokens;

        public ApiServer Server => _server!;

        public IssuedTokens Tokens => _tokens!;

        public async Task InitializeAsync()
        {
            _server = await AuthenticationServer.StartAsync();
            _tokens = await AuthenticationServer.CreateAndSignInAsync(_server, "mallory");
        }

        public async Task DisposeAsync() => await Server.DisposeAsync();
    }
}
