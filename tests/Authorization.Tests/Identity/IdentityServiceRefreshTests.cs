using CollectionStore.Authorization.Audit;
using CollectionStore.Authorization.Identity;
using CollectionStore.Domain.Store;

namespace CollectionStore.Authorization.Tests.Identity;

/// <summary>Runs against both store providers: <see cref="Sqlite"/> and <see cref="PostgreSql"/>.</summary>
public abstract class IdentityServiceRefreshTests(StoreProvider provider) : IAsyncLifetime
{
    private IdentityHarness _h = null!;

    public async Task InitializeAsync() => _h = await IdentityHarness.CreateAsync(provider);

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Refresh_CurrentToken_RotatesAndExtendsTheSession()
    {
        await _h.CreateUserAsync("alice");
        var login = await _h.LoginAsync("alice");
        _h.Time.Advance(TimeSpan.FromDays(3));

        var refreshed = await _h.Service.RefreshAsync(login.RefreshToken, IdentityHarness.Client, CancellationToken.None);

        Assert.NotEqual(login.RefreshToken, refreshed.RefreshToken);
        Assert.NotEqual(login.AccessToken, refreshed.AccessToken);
        Assert.Equal(login.Session.Id, refreshed.Session.Id);
        Assert.Equal(_h.Time.GetUtcNow(), refreshed.Session.LastRefreshedAt);
        Assert.Equal(_h.Time.GetUtcNow() + _h.Options.RefreshTokenLifetime, refreshed.Session.ExpiresAt);
        var stored = Assert.Single(await _h.Service.ListSessionsAsync(login.User.Id, CancellationToken.None));
        Assert.Equal(refreshed.Session.ExpiresAt, stored.ExpiresAt);
        var entry = (await _h.AuditEntriesAsync())[^1];
        Assert.Equal((AuditKinds.TokenRefreshed, login.User.Id, login.Session.Id), (entry.Kind, entry.SubjectId, entry.SessionId));
    }

    [Fact]
    public async Task Refresh_RotatedTokenPresentedAgain_RevokesTheWholeSessionAndSignals()
    {
        await _h.CreateUserAsync("alice");
        var login = await _h.LoginAsync("alice");
        var refreshed = await _h.Service.RefreshAsync(login.RefreshToken, IdentityHarness.Client, CancellationToken.None);

        var reuse = await Assert.ThrowsAsync<IdentityException>(() => _h.Service.RefreshAsync(login.RefreshToken, IdentityHarness.Client, CancellationToken.None));
        var next = await Assert.ThrowsAsync<IdentityException>(() => _h.Service.RefreshAsync(refreshed.RefreshToken, IdentityHarness.Client, CancellationToken.None));

        Assert.Equal(IdentityErrorCodes.InvalidRefreshToken, reuse.Code);
        Assert.Equal(IdentityErrorCodes.InvalidRefreshToken, next.Code);
        Assert.False(await _h.Service.IsSessionActiveAsync(login.Session.Id, CancellationToken.None));
        var signal = Assert.Single(_h.Received);
        Assert.Equal((IdentitySignalKind.SessionsRevoked, login.User.Id, "refresh_token_reused"), (signal.Kind, signal.UserId, signal.Reason));
        Assert.Equal([login.Session.Id], signal.SessionIds);
        var reused = Assert.Single(await _h.AuditEntriesAsync(), e => e.Kind == AuditKinds.RefreshTokenReused);
        Assert.Equal((login.User.Id, login.Session.Id), (reused.SubjectId, reused.SessionId));
    }

    [Fact]
    public async Task Refresh_UnknownToken_ThrowsInvalidRefreshToken()
    {
        var error = await Assert.ThrowsAsync<IdentityException>(() => _h.Service.RefreshAsync("not-a-token", IdentityHarness.Client, CancellationToken.None));

        Assert.Equal(IdentityErrorCodes.InvalidRefreshToken, error.Code);
        Assert.Empty(_h.Received);
    }

    [Fact]
    public async Task Refresh_AfterTheRefreshLifetimeSinceTheLastRefresh_ThrowsInvalidRefreshToken()
    {
        await _h.CreateUserAsync("alice");
        var login = await _h.LoginAsync("alice");
        _h.Time.Advance(TimeSpan.FromDays(10));
        var refreshed = await _h.Service.RefreshAsync(login.RefreshToken, IdentityHarness.Client, CancellationToken.None);
        _h.Time.Advance(_h.Options.RefreshTokenLifetime + TimeSpan.FromSeconds(1));

        var error = await Assert.ThrowsAsync<IdentityException>(() => _h.Service.RefreshAsync(refreshed.RefreshToken, IdentityHarness.Client, CancellationToken.None));

        Assert.Equal(IdentityErrorCodes.InvalidRefreshToken, error.Code);
        Assert.False(await _h.Service.IsSessionActiveAsync(login.Session.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Refresh_LoggedOutSession_ThrowsInvalidRefreshToken()
    {
        await _h.CreateUserAsync("alice");
        var login = await _h.LoginAsync("alice");
        await _h.Service.LogoutAsync(IdentityHarness.ActorOf(login), IdentityHarness.Client, CancellationToken.None);

        var error = await Assert.ThrowsAsync<IdentityException>(() => _h.Service.RefreshAsync(login.RefreshToken, IdentityHarness.Client, CancellationToken.None));

        Assert.Equal(IdentityErrorCodes.InvalidRefreshToken, error.Code);
    }

    [Fact]
    public async Task Refresh_ExternalAuthorityConfigured_ThrowsLoginDisabled()
    {
        await using var external = await IdentityHarness.CreateAsync(provider, o => o.Authority = "https://issuer.example");

        var error = await Assert.ThrowsAsync<IdentityException>(() => external.Service.RefreshAsync("anything", IdentityHarness.Client, CancellationToken.None));

        Assert.Equal(IdentityErrorCodes.LoginDisabled, error.Code);
    }

    [Fact]
    public async Task Storage_AfterLoginAndRefresh_HoldsNoTokenOrPassword()
    {
        await _h.CreateUserAsync("alice", "secret-password-9");
        var login = await _h.LoginAsync("alice", "secret-password-9");
        var refreshed = await _h.Service.RefreshAsync(login.RefreshToken, IdentityHarness.Client, CancellationToken.None);
        await Assert.ThrowsAsync<IdentityException>(() => _h.LoginAsync("alice", "guessed-password-1"));
        await _h.AuditEntriesAsync();

        var everything = string.Join(
            "\n",
            (await _h.RawAsync("SELECT * FROM cs_users"))
                .Concat(await _h.RawAsync("SELECT * FROM cs_sessions"))
                .Concat(await _h.RawAsync("SELECT * FROM cs_refresh_tokens"))
                .Concat(await _h.RawAsync("SELECT * FROM cs_audit")));

        Assert.Contains(login.Session.Id, everything, StringComparison.Ordinal);
        foreach (var secret in new[] { login.RefreshToken, refreshed.RefreshToken, login.AccessToken, "secret-password-9", "guessed-password-1" })
        {
            Assert.DoesNotContain(secret, everything, StringComparison.Ordinal);
        }
    }

    public sealed class Sqlite() : IdentityServiceRefreshTests(StoreProvider.Sqlite);

    public sealed class PostgreSql() : IdentityServiceRefreshTests(StoreProvider.PostgreSql);
}
