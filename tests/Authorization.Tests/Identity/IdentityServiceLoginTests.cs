using CollectionStore.Authorization.Audit;
using CollectionStore.Authorization.Identity;
using CollectionStore.Domain.Store;

namespace CollectionStore.Authorization.Tests.Identity;

/// <summary>Runs against both store providers: <see cref="Sqlite"/> and <see cref="PostgreSql"/>.</summary>
public abstract class IdentityServiceLoginTests(StoreProvider provider) : IAsyncLifetime
{
    private IdentityHarness _h = null!;

    public async Task InitializeAsync() => _h = await IdentityHarness.CreateAsync(provider, o => o.LoginRateLimit.MaxFailures = 3);

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Login_CorrectPassword_IssuesTokensForAnActiveSession()
    {
        var user = await _h.CreateUserAsync("alice");

        var tokens = await _h.LoginAsync("alice");

        Assert.Equal(user.Id, tokens.User.Id);
        Assert.Equal(user.Id, tokens.Session.UserId);
        Assert.Contains(tokens.Session.Id, tokens.AccessToken, StringComparison.Ordinal);
        Assert.Equal(_h.Time.GetUtcNow() + _h.Options.AccessTokenLifetime, tokens.ExpiresAt);
        Assert.Equal(_h.Time.GetUtcNow() + _h.Options.RefreshTokenLifetime, tokens.Session.ExpiresAt);
        Assert.Equal(IdentityHarness.Client.Address, tokens.Session.ClientAddress);
        Assert.Equal(43, tokens.RefreshToken.Length);
        Assert.True(await _h.Service.IsSessionActiveAsync(tokens.Session.Id, CancellationToken.None));
        var entry = (await _h.AuditEntriesAsync())[^1];
        Assert.Equal((AuditKinds.LoginSucceeded, user.Id, tokens.Session.Id, "10.0.0.1", "http", "https://app.example"), (entry.Kind, entry.SubjectId, entry.SessionId, entry.Address, entry.Protocol, entry.Origin));
    }

    [Fact]
    public async Task Login_UsernameInOtherCase_Succeeds()
    {
        var user = await _h.CreateUserAsync("Alice");

        var tokens = await _h.LoginAsync("aLICE");

        Assert.Equal(user.Id, tokens.User.Id);
    }

    [Fact]
    public async Task Login_WrongPassword_ThrowsInvalidCredentialsAndAuditsFailure()
    {
        var user = await _h.CreateUserAsync("alice");

        var error = await Assert.ThrowsAsync<IdentityException>(() => _h.LoginAsync("alice", "not-the-password"));

        Assert.Equal(IdentityErrorCodes.InvalidCredentials, error.Code);
        var entry = (await _h.AuditEntriesAsync())[^1];
        Assert.Equal((AuditKinds.LoginFailed, user.Id), (entry.Kind, entry.SubjectId));
        Assert.Contains("wrong_password", entry.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-password", entry.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_UnknownUser_VerifiesAHashLikeForAKnownUser()
    {
        await _h.CreateUserAsync("alice");
        var before = _h.Hasher.Verifications;
        await Assert.ThrowsAsync<IdentityException>(() => _h.LoginAsync("alice", "wrong-password"));
        var forKnownUser = _h.Hasher.Verifications - before;

        var error = await Assert.ThrowsAsync<IdentityException>(() => _h.LoginAsync("nobody", "wrong-password"));

        Assert.Equal(IdentityErrorCodes.InvalidCredentials, error.Code);
        Assert.Equal(1, forKnownUser);
        Assert.Equal(forKnownUser, _h.Hasher.Verifications - before - forKnownUser);
        var entry = (await _h.AuditEntriesAsync())[^1];
        Assert.Equal(AuditKinds.LoginFailed, entry.Kind);
        Assert.Null(entry.SubjectId);
        Assert.Contains("unknown_user", entry.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_DisabledUserWithCorrectPassword_ThrowsInvalidCredentials()
    {
        var user = await _h.CreateUserAsync("alice");
        await _h.Service.UpdateUserAsync(_h.Admin, user.Id, new UserChanges(null, null, Disabled: true, null), IdentityHarness.Client, CancellationToken.None);
        var before = _h.Hasher.Verifications;

        var error = await Assert.ThrowsAsync<IdentityException>(() => _h.LoginAsync("alice"));

        Assert.Equal(IdentityErrorCodes.InvalidCredentials, error.Code);
        Assert.Equal(before + 1, _h.Hasher.Verifications);
        Assert.Contains("disabled", (await _h.AuditEntriesAsync())[^1].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_ExternalAuthorityConfigured_ThrowsLoginDisabled()
    {
        await using var external = await IdentityHarness.CreateAsync(provider, o => o.Authority = "https://issuer.example");

        var error = await Assert.ThrowsAsync<IdentityException>(() => external.LoginAsync("admin", IdentityHarness.AdminPassword));

        Assert.Equal(IdentityErrorCodes.LoginDisabled, error.Code);
    }

    [Fact]
    public async Task Login_FailuresForOneUsernameFromManyAddresses_RateLimitedBeforeThePasswordCheck()
    {
        await _h.CreateUserAsync("alice");
        for (var i = 0; i < 3; i++)
        {
            await Assert.ThrowsAsync<IdentityException>(() => _h.LoginAsync("ALICE", "wrong-password", new ClientInfo($"10.0.1.{i}")));
            _h.Time.Advance(TimeSpan.FromSeconds(10));
        }

        var before = _h.Hasher.Verifications;
        var error = await Assert.ThrowsAsync<IdentityException>(() => _h.LoginAsync("alice", client: new ClientInfo("10.0.2.1")));

        Assert.Equal(IdentityErrorCodes.RateLimited, error.Code);
        Assert.Equal(TimeSpan.FromSeconds(30), error.RetryAfter);
        Assert.Equal(before, _h.Hasher.Verifications);
        var entry = (await _h.AuditEntriesAsync())[^1];
        Assert.Equal((AuditKinds.LoginRateLimited, "10.0.2.1"), (entry.Kind, entry.Address));

        _h.Time.Advance(TimeSpan.FromSeconds(30));
        var tokens = await _h.LoginAsync("alice", client: new ClientInfo("10.0.2.1"));
        Assert.Equal("alice", tokens.User.Username);
    }

    [Fact]
    public async Task Login_FailuresFromOneAddressAcrossUsernames_RateLimitedForThatAddressOnly()
    {
        await _h.CreateUserAsync("alice");
        var attacker = new ClientInfo("192.0.2.7");
        foreach (var name in new[] { "bob", "carol", "dave" })
        {
            await Assert.ThrowsAsync<IdentityException>(() => _h.LoginAsync(name, "wrong-password", attacker));
        }

        var limited = await Assert.ThrowsAsync<IdentityException>(() => _h.LoginAsync("alice", client: attacker));
        var fromElsewhere = await _h.LoginAsync("alice", client: new ClientInfo("198.51.100.1"));

        Assert.Equal(IdentityErrorCodes.RateLimited, limited.Code);
        Assert.Equal(_h.Options.LoginRateLimit.Window, limited.RetryAfter);
        Assert.Equal("alice", fromElsewhere.User.Username);
    }

    [Fact]
    public async Task Login_SuccessfulAttempts_AreNotCountedAsFailures()
    {
        await _h.CreateUserAsync("alice");

        for (var i = 0; i < 5; i++)
        {
            await _h.LoginAsync("alice");
        }

        Assert.Equal(5, (await _h.AuditKindsAsync()).Count(k => k == AuditKinds.LoginSucceeded));
    }

    public sealed class Sqlite() : IdentityServiceLoginTests(StoreProvider.Sqlite);

    public sealed class PostgreSql() : IdentityServiceLoginTests(StoreProvider.PostgreSql);
}
