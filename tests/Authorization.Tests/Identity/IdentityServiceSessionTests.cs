using CollectionStore.Authorization.Audit;
using CollectionStore.Authorization.Identity;
using CollectionStore.Domain.Store;

namespace CollectionStore.Authorization.Tests.Identity;

/// <summary>Runs against both store providers: <see cref="Sqlite"/> and <see cref="PostgreSql"/>.</summary>
public abstract class IdentityServiceSessionTests(StoreProvider provider) : IAsyncLifetime
{
    private IdentityHarness _h = null!;

    public async Task InitializeAsync() => _h = await IdentityHarness.CreateAsync(provider);

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Logout_OwnSession_RevokesAuditsAndSignalsOnce()
    {
        await _h.CreateUserAsync("alice");
        var login = await _h.LoginAsync("alice");
        var actor = IdentityHarness.ActorOf(login);

        var first = await _h.Service.LogoutAsync(actor, IdentityHarness.Client, CancellationToken.None);
        var second = await _h.Service.LogoutAsync(actor, IdentityHarness.Client, CancellationToken.None);

        Assert.True(first);
        Assert.False(second);
        Assert.False(await _h.Service.IsSessionActiveAsync(login.Session.Id, CancellationToken.None));
        var signal = Assert.Single(_h.Received);
        Assert.Equal((IdentitySignalKind.SessionsRevoked, login.User.Id, "logout"), (signal.Kind, signal.UserId, signal.Reason));
        Assert.Equal([login.Session.Id], signal.SessionIds);
        var entry = Assert.Single(await _h.AuditEntriesAsync(), e => e.Kind == AuditKinds.Logout);
        Assert.Equal((login.User.Id, login.Session.Id), (entry.SubjectId, entry.SessionId));
    }

    [Fact]
    public async Task Logout_ActorWithoutSession_ReturnsFalse()
    {
        var result = await _h.Service.LogoutAsync(new Actor("external-user", null, []), IdentityHarness.Client, CancellationToken.None);

        Assert.False(result);
        Assert.Empty(_h.Received);
    }

    [Fact]
    public async Task RevokeSession_OwnOtherSession_RevokesOnlyThatOne()
    {
        await _h.CreateUserAsync("alice");
        var phone = await _h.LoginAsync("alice");
        var laptop = await _h.LoginAsync("alice");

        var revoked = await _h.Service.RevokeSessionAsync(IdentityHarness.ActorOf(laptop), phone.Session.Id, IdentityHarness.Client, CancellationToken.None);

        Assert.True(revoked);
        var remaining = Assert.Single(await _h.Service.ListSessionsAsync(laptop.User.Id, CancellationToken.None));
        Assert.Equal(laptop.Session.Id, remaining.Id);
        Assert.Equal([phone.Session.Id], Assert.Single(_h.Received).SessionIds);
        var entry = Assert.Single(await _h.AuditEntriesAsync(), e => e.Kind == AuditKinds.SessionRevoked);
        Assert.Contains(phone.Session.Id, entry.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevokeSession_AnotherUsersSessionAsNonAdmin_ThrowsForbiddenAndChangesNothing()
    {
        await _h.CreateUserAsync("alice");
        await _h.CreateUserAsync("mallory");
        var alice = await _h.LoginAsync("alice");
        var mallory = await _h.LoginAsync("mallory");
        var auditBefore = (await _h.AuditEntriesAsync()).Count;

        var error = await Assert.ThrowsAsync<IdentityException>(
            () => _h.Service.RevokeSessionAsync(IdentityHarness.ActorOf(mallory), alice.Session.Id, IdentityHarness.Client, CancellationToken.None));

        Assert.Equal(IdentityErrorCodes.Forbidden, error.Code);
        Assert.True(await _h.Service.IsSessionActiveAsync(alice.Session.Id, CancellationToken.None));
        Assert.Empty(_h.Received);
        Assert.Equal(auditBefore, (await _h.AuditEntriesAsync()).Count);
    }

    [Fact]
    public async Task RevokeSession_AdminOnAnyonesSession_RevokesAndSignalsTheOwner()
    {
        var alice = await _h.CreateUserAsync("alice");
        var login = await _h.LoginAsync("alice");

        var revoked = await _h.Service.RevokeSessionAsync(_h.Admin, login.Session.Id, IdentityHarness.Client, CancellationToken.None);

        Assert.True(revoked);
        Assert.False(await _h.Service.IsSessionActiveAsync(login.Session.Id, CancellationToken.None));
        var signal = Assert.Single(_h.Received);
        Assert.Equal((IdentitySignalKind.SessionsRevoked, alice.Id), (signal.Kind, signal.UserId));
        var entry = Assert.Single(await _h.AuditEntriesAsync(), e => e.Kind == AuditKinds.SessionRevoked);
        Assert.Equal(_h.Admin.UserId, entry.SubjectId);
    }

    [Fact]
    public async Task RevokeSession_UnknownOrAlreadyRevoked_ReturnsFalse()
    {
        await _h.CreateUserAsync("alice");
        var login = await _h.LoginAsync("alice");
        await _h.Service.RevokeSessionAsync(_h.Admin, login.Session.Id, IdentityHarness.Client, CancellationToken.None);

        Assert.False(await _h.Service.RevokeSessionAsync(_h.Admin, login.Session.Id, IdentityHarness.Client, CancellationToken.None));
        Assert.False(await _h.Service.RevokeSessionAsync(_h.Admin, "no-such-session", IdentityHarness.Client, CancellationToken.None));
        Assert.Single(_h.Received);
    }

    [Fact]
    public async Task ListSessions_SeveralLogins_ActiveOnesNewestFirst()
    {
        await _h.CreateUserAsync("alice");
        var first = await _h.LoginAsync("alice");
        _h.Time.Advance(TimeSpan.FromMinutes(1));
        var second = await _h.LoginAsync("alice");
        _h.Time.Advance(TimeSpan.FromMinutes(1));
        var third = await _h.LoginAsync("alice");
        await _h.Service.LogoutAsync(IdentityHarness.ActorOf(second), IdentityHarness.Client, CancellationToken.None);

        var sessions = await _h.Service.ListSessionsAsync(first.User.Id, CancellationToken.None);

        Assert.Equal([third.Session.Id, first.Session.Id], sessions.Select(s => s.Id));
    }

    [Fact]
    public async Task IsSessionActive_AfterTheSessionExpires_IsFalse()
    {
        await _h.CreateUserAsync("alice");
        var login = await _h.LoginAsync("alice");
        _h.Time.Advance(_h.Options.RefreshTokenLifetime - TimeSpan.FromSeconds(1));
        var before = await _h.Service.IsSessionActiveAsync(login.Session.Id, CancellationToken.None);
        _h.Time.Advance(TimeSpan.FromSeconds(1));

        var after = await _h.Service.IsSessionActiveAsync(login.Session.Id, CancellationToken.None);

        Assert.True(before);
        Assert.False(after);
        Assert.False(await _h.Service.IsSessionActiveAsync("no-such-session", CancellationToken.None));
    }

    public sealed class Sqlite() : IdentityServiceSessionTests(StoreProvider.Sqlite);

    public sealed class PostgreSql() : IdentityServiceSessionTests(StoreProvider.PostgreSql);
}
