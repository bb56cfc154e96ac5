using CollectionStore.Api.Tests.Infrastructure;
using CollectionStore.Authorization.Audit;
using CollectionStore.Authorization.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CollectionStore.Api.Tests.Authentication;

/// <summary>
/// Connections follow their token for their whole life, on every transport: they end at the token's expiry
/// (graphql-ws 4403 "Token expired", legacy connection_error then close, SSE and multipart a final
/// UNAUTHENTICATED error) and within 2 seconds of the session's revocation, however it was revoked.
/// </summary>
public sealed class LiveConnectionTests
{
    private static readonly TimeSpan RevocationDeadline = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task TokenExpiry_EveryTransport_EndsTheConnectionWithTheTransportsSignal()
    {
        await using var server = await AuthenticationServer.StartAsync(AuthenticationServer.Settings(
            ("Auth:AccessTokenLifetime", "00:00:05"), ("Auth:ClockSkew", "00:00:00")));
        var tokens = await AuthenticationServer.CreateAndSignInAsync(server, "erin");
        var subscriptions = await OpenAllAsync(server, tokens.AccessToken);
        try
        {
            var endings = await Task.WhenAll(subscriptions.Select(s => s.EndingAsync()));

            Assert.Equal("close 4403 Token expired", endings[0]);
            Assert.Equal("close 4403 Token expired after connection_error 'Token expired'", endings[1]);
            Assert.All(endings[2..], ending => Assert.StartsWith("UNAUTHENTICATED: The access token expired.", ending, StringComparison.Ordinal));
        }
        finally
        {
            await DisposeAllAsync(subscriptions);
        }
    }

    public static TheoryData<string> Revocations() => ["logout", "revokeSession by admin", "user disabled", "password changed"];

    [Theory]
    [MemberData(nameof(Revocations))]
    public async Task Revocation_EveryTransport_EndsWithinTwoSeconds(string how)
    {
        await using var server = await AuthenticationServer.StartAsync();
        var tokens = await AuthenticationServer.CreateAndSignInAsync(server, "frank");
        var subscriptions = await OpenAllAsync(server, tokens.AccessToken);
        try
        {
            await RevokeAsync(server, tokens, how);
            var endings = await Task.WhenAll(subscriptions.Select(s => s.EndingAsync())).WaitAsync(RevocationDeadline);

            Assert.Equal("close 4403 Session revoked", endings[0]);
            Assert.Equal("close 4403 Session revoked after connection_error 'Session revoked'", endings[1]);
            Assert.All(endings[2..], ending => Assert.Equal("UNAUTHENTICATED: The session was revoked.", ending));
            Assert.False(await CredentialProbe.IsAcceptedAsync(server, "http", $"Bearer {tokens.AccessToken}"));
        }
        finally
        {
            await DisposeAllAsync(subscriptions);
        }
    }

    [Fact]
    public async Task Logout_OneSession_LeavesTheUsersOtherSessionConnected()
    {
        await using var server = await AuthenticationServer.StartAsync();
        var first = await AuthenticationServer.CreateAndSignInAsync(server, "grace");
        var identity = server.Services.GetRequiredService<IIdentityService>();
        var second = await identity.LoginAsync("grace", AuthenticationServer.MemberPassword, ClientInfo.Unknown, CancellationToken.None);
        await using var firstConnection = await LiveSubscription.OpenAsync(server, "graphql-ws", first.AccessToken);
        await using var secondClient = await WsClient.ConnectAsync(server.BaseAddress);
        await secondClient.InitAsync(new { Authorization = $"Bearer {second.AccessToken}" });

        await identity.LogoutAsync(new Actor(first.User.Id, first.Session.Id, first.User.Roles), ClientInfo.Unknown, CancellationToken.None);

        Assert.Equal("close 4403 Session revoked", await firstConnection.EndingAsync().WaitAsync(RevocationDeadline));
        await secondClient.SendAsync(new { type = "ping" });
        Assert.Equal("pong", (string?)(await secondClient.ReceiveTypeAsync("pong"))["type"]);
        Assert.True(await CredentialProbe.IsAcceptedAsync(server, "http", $"Bearer {second.AccessToken}"));
    }

    [Fact]
    public async Task ForcedClose_IsAudited_WithSubjectProtocolCodeAndReason()
    {
        await using var server = await AuthenticationServer.StartAsync();
        var tokens = await AuthenticationServer.CreateAndSignInAsync(server, "heidi");
        await using (var connection = await LiveSubscription.OpenAsync(server, "graphql-ws", tokens.AccessToken))
        {
            await RevokeAsync(server, tokens, "logout");
            await connection.EndingAsync();
        }

        Assert.False(await CredentialProbe.IsAcceptedAsync(server, "graphql-ws init payload", "Bearer not-a-token"));

        var audit = server.Services.GetRequiredService<IAuditLog>();
        await audit.FlushAsync(CancellationToken.None);
        var entries = (await audit.ListAsync(new AuditQuery(First: 100), CancellationToken.None)).Entries.Select(e => e.Item).ToList();
        var accepted = Assert.Single(entries, e => e.Kind == AuditKinds.ConnectionAccepted && e.SubjectId == tokens.User.Id);
        Assert.Equal("graphql-transport-ws", accepted.Protocol);
        Assert.Equal("127.0.0.1", accepted.Address);
        var closed = Assert.Single(entries, e => e.Kind == AuditKinds.ConnectionClosed && e.SubjectId == tokens.User.Id);
        Assert.Contains("4403", closed.Detail, StringComparison.Ordinal);
        Assert.Contains("Session revoked", closed.Detail, StringComparison.Ordinal);
        var rejected = Assert.Single(entries, e => e.Kind == AuditKinds.ConnectionRejected && e.Protocol == "graphql-transport-ws");
        Assert.Null(rejected.SubjectId);
        Assert.DoesNotContain(entries, e => (e.Detail ?? string.Empty).Contains(tokens.AccessToken, StringComparison.Ordinal));
    }

    private static async Task RevokeAsync(ApiServer server, IssuedTokens tokens, string how)
    {
        var identity = server.Services.GetRequiredService<IIdentityService>();
        var user = new Actor(tokens.User.Id, tokens.Session.Id, tokens.User.Roles);
        var adminTokens = await identity.LoginAsync("admin", ApiServer.AdminPassword, ClientInfo.Unknown, CancellationToken.None);
        var admin = new Actor(adminTokens.User.Id, adminTokens.Session.Id, adminTokens.User.Roles);
        switch (how)
        {
            case "logout":
                Assert.True(await identity.LogoutAsync(user, ClientInfo.Unknown, CancellationToken.None));
                break;
            case "revokeSession by admin":
                Assert.True(await identity.RevokeSessionAsync(admin, tokens.Session.Id, ClientInfo.Unknown, CancellationToken.None));
                break;
            case "user disabled":
                await identity.UpdateUserAsync(admin, tokens.User.Id, new UserChanges(null, null, Disabled: true, null), ClientInfo.Unknown, CancellationToken.None);
                break;
            case "password changed":
                await identity.UpdateUserAsync(admin, tokens.User.Id, new UserChanges(null, null, null, Password: "a-new-password-2"), ClientInfo.Unknown, CancellationToken.None);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(how), how, null);
        }
    }

    private static async Task<List<LiveSubscription>> OpenAllAsync(ApiServer server, string accessToken)
    {
        var subscriptions = new List<LiveSubscription>();
        foreach (var transport in LiveSubscription.Transports)
        {
            subscriptions.Add(await LiveSubscription.OpenAsync(server, transport, accessToken));
        }

        return subscriptions;
    }

    private static async Task DisposeAllAsync(IEnumerable<LiveSubscription> subscriptions)
    {
        foreach (var subscription in subscriptions)
        {
            await subscription.DisposeAsync();
        }
    }
}
