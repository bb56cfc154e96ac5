using System.Text.Json.Nodes;
using CollectionStore.Authorization.Audit;
using CollectionStore.Authorization.Identity;
using CollectionStore.Domain.Store;

namespace CollectionStore.Authorization.Tests.Identity;

/// <summary>Runs against both store providers: <see cref="Sqlite"/> and <see cref="PostgreSql"/>.</summary>
public abstract class IdentityServiceUserTests(StoreProvider provider) : IAsyncLifetime
{
    private IdentityHarness _h = null!;

    public async Task InitializeAsync() => _h = await IdentityHarness.CreateAsync(provider);

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task CreateUser_AsAdmin_StoresTheAccountAndAuditsIt()
    {
        var user = await _h.CreateUserAsync("alice", roles: ["editor", "editor", "viewer"], attributes: new JsonObject { ["department"] = "sales" });

        var found = await _h.Service.FindUserAsync(user.Id, CancellationToken.None);

        Assert.NotNull(found);
        Assert.Equal(("alice", 1L, false), (found.Username, found.Version, found.Disabled));
        Assert.Equal(["editor", "viewer"], found.Roles);
        Assert.Equal("sales", found.Attributes["department"]!.GetValue<string>());
        Assert.Equal(_h.Time.GetUtcNow(), found.CreatedAt);
        var entry = (await _h.AuditEntriesAsync())[^1];
        Assert.Equal((AuditKinds.UserCreated, _h.Admin.UserId), (entry.Kind, entry.SubjectId));
        Assert.Contains(user.Id, entry.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("user-password-1", entry.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateUser_AsNonAdmin_ThrowsForbidden()
    {
        var member = new Actor("someone", "session", ["member"]);

        var error = await Assert.ThrowsAsync<IdentityException>(
            () => _h.Service.CreateUserAsync(member, new NewUser("eve", "eve-password-1", null, null), IdentityHarness.Client, CancellationToken.None));

        Assert.Equal(IdentityErrorCodes.Forbidden, error.Code);
        Assert.Empty(await _h.RawAsync("SELECT id FROM cs_users WHERE username = 'eve'"));
    }

    [Fact]
    public async Task CreateUser_UsernameTakenInOtherCase_ThrowsUsernameTakenAndWritesNoAuditEntry()
    {
        await _h.CreateUserAsync("alice");
        var auditBefore = await _h.RawAsync("SELECT sequence FROM cs_audit");

        var error = await Assert.ThrowsAsync<IdentityException>(() => _h.CreateUserAsync("ALICE"));

        Assert.Equal(IdentityErrorCodes.UsernameTaken, error.Code);
        Assert.Equal(auditBefore, await _h.RawAsync("SELECT sequence FROM cs_audit"));
        Assert.Equal(["1"], await _h.RawAsync("SELECT COUNT(*) FROM cs_users WHERE username_normalized = 'ALICE'"));
    }

    [Theory]
    [InlineData("", "long-enough-1")]
    [InlineData("has space", "long-enough-1")]
    [InlineData("ünïcode", "long-enough-1")]
    [InlineData("a-very-long-username-that-goes-past-the-limit-of-sixty-four-characters", "long-enough-1")]
    [InlineData("alice", "short")]
    public async Task CreateUser_InvalidUsernameOrPassword_ThrowsInvalidInput(string username, string password)
    {
        var error = await Assert.ThrowsAsync<IdentityException>(
            () => _h.Service.CreateUserAsync(_h.Admin, new NewUser(username, password, null, null), IdentityHarness.Client, CancellationToken.None));

        Assert.Equal(IdentityErrorCodes.InvalidInput, error.Code);
    }

    [Fact]
    public async Task CreateUser_BlankRole_ThrowsInvalidInput()
    {
        var error = await Assert.ThrowsAsync<IdentityException>(() => _h.CreateUserAsync("alice", roles: ["member", " "]));

        Assert.Equal(IdentityErrorCodes.InvalidInput, error.Code);
    }

    [Fact]
    public async Task CreateUser_AllowedPunctuation_IsAccepted()
    {
        var user = await _h.CreateUserAsync("a.b_c-d@example.org");

        Assert.Equal("a.b_c-d@example.org", user.Username);
    }

    [Fact]
    public async Task UpdateUser_Disable_RevokesEverySessionAndSignals()
    {
        var alice = await _h.CreateUserAsync("alice");
        var one = await _h.LoginAsync("alice");
        var two = await _h.LoginAsync("alice");

        var updated = await _h.Service.UpdateUserAsync(_h.Admin, alice.Id, new UserChanges(null, null, Disabled: true, null), IdentityHarness.Client, CancellationToken.None);

        Assert.True(updated.Disabled);
        Assert.Equal(2, updated.Version);
        Assert.False(await _h.Service.IsSessionActiveAsync(one.Session.Id, CancellationToken.None));
        Assert.False(await _h.Service.IsSessionActiveAsync(two.Session.Id, CancellationToken.None));
        var signal = Assert.Single(_h.Received);
        Assert.Equal((IdentitySignalKind.SessionsRevoked, alice.Id, "user_disabled"), (signal.Kind, signal.UserId, signal.Reason));
        Assert.Equal(new[] { one.Session.Id, two.Session.Id }.Order(), signal.SessionIds.Order());
        var entry = (await _h.AuditEntriesAsync())[^1];
        Assert.Equal(AuditKinds.UserChanged, entry.Kind);
        Assert.Contains("\"revokedSessions\":2", entry.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateUser_NewPassword_RevokesSessionsAndOnlyTheNewPasswordWorks()
    {
        var alice = await _h.CreateUserAsync("alice");
        var login = await _h.LoginAsync("alice");

        await _h.Service.UpdateUserAsync(_h.Admin, alice.Id, new UserChanges(null, null, null, "brand-new-password"), IdentityHarness.Client, CancellationToken.None);

        Assert.False(await _h.Service.IsSessionActiveAsync(login.Session.Id, CancellationToken.None));
        Assert.Equal("password_changed", Assert.Single(_h.Received).Reason);
        await Assert.ThrowsAsync<IdentityException>(() => _h.LoginAsync("alice"));
        Assert.Equal(alice.Id, (await _h.LoginAsync("alice", "brand-new-password")).User.Id);
        Assert.DoesNotContain("brand-new-password", (await _h.AuditEntriesAsync())[^3].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateUser_RolesAndAttributes_BumpVersionAndSignalWithoutRevokingSessions()
    {
        var alice = await _h.CreateUserAsync("alice");
        var login = await _h.LoginAsync("alice");
        var changes = new UserChanges(["member", "auditor"], new JsonObject { ["department"] = "legal" }, null, null);

        var updated = await _h.Service.UpdateUserAsync(_h.Admin, alice.Id, changes, IdentityHarness.Client, CancellationToken.None);

        Assert.Equal(2, updated.Version);
        Assert.Equal(["member", "auditor"], updated.Roles);
        Assert.Equal("legal", updated.Attributes["department"]!.GetValue<string>());
        Assert.True(await _h.Service.IsSessionActiveAsync(login.Session.Id, CancellationToken.None));
        var signal = Assert.Single(_h.Received);
        Assert.Equal((IdentitySignalKind.UserChanged, alice.Id), (signal.Kind, signal.UserId));
        Assert.Empty(signal.SessionIds);
        Assert.Equal(2, (await _h.Service.FindUserAsync(alice.Id, CancellationToken.None))!.Version);
    }

    [Fact]
    public async Task UpdateUser_SameValues_KeepsVersionAndSignalsNothing()
    {
        var alice = await _h.CreateUserAsync("alice", roles: ["member"]);
        var auditBefore = (await _h.AuditEntriesAsync()).Count;

        var updated = await _h.Service.UpdateUserAsync(_h.Admin, alice.Id, new UserChanges(["member"], [], false, null), IdentityHarness.Client, CancellationToken.None);

        Assert.Equal(1, updated.Version);
        Assert.Empty(_h.Received);
        Assert.Equal(auditBefore, (await _h.AuditEntriesAsync()).Count);
    }

    [Fact]
    public async Task UpdateUser_AsNonAdmin_ThrowsForbidden()
    {
        var alice = await _h.CreateUserAsync("alice");
        var login = await _h.LoginAsync("alice");

        var error = await Assert.ThrowsAsync<IdentityException>(
            () => _h.Service.UpdateUserAsync(IdentityHarness.ActorOf(login), alice.Id, new UserChanges([Actor.AdminRole], null, null, null), IdentityHarness.Client, CancellationToken.None));

        Assert.Equal(IdentityErrorCodes.Forbidden, error.Code);
        Assert.Equal(["member"], (await _h.Service.FindUserAsync(alice.Id, CancellationToken.None))!.Roles);
    }

    [Fact]
    public async Task UpdateUser_UnknownId_ThrowsNotFound()
    {
        var error = await Assert.ThrowsAsync<IdentityException>(
            () => _h.Service.UpdateUserAsync(_h.Admin, "no-such-user", new UserChanges(null, null, true, null), IdentityHarness.Client, CancellationToken.None));

        Assert.Equal(IdentityErrorCodes.NotFound, error.Code);
    }

    [Fact]
    public async Task ListUsers_PagesByUsernameWithFiltersAndTotal()
    {
        await _h.CreateUserAsync("carol", roles: ["editor"]);
        await _h.CreateUserAsync("Bob", roles: ["editor"]);
        await _h.CreateUserAsync("dave");
        var erin = await _h.CreateUserAsync("erin", roles: ["editor"]);
        await _h.Service.UpdateUserAsync(_h.Admin, erin.Id, new UserChanges(null, null, true, null), IdentityHarness.Client, CancellationToken.None);

        var first = await _h.Service.ListUsersAsync(_h.Admin, new UserQuery(2), CancellationToken.None);
        var second = await _h.Service.ListUsersAsync(_h.Admin, new UserQuery(2, first.Entries[^1].Cursor), CancellationToken.None);
        var third = await _h.Service.ListUsersAsync(_h.Admin, new UserQuery(2, second.Entries[^1].Cursor), CancellationToken.None);
        var editors = await _h.Service.ListUsersAsync(_h.Admin, new UserQuery(10, Role: "editor", Disabled: false), CancellationToken.None);
        var containing = await _h.Service.ListUsersAsync(_h.Admin, new UserQuery(10, UsernameContains: "A"), CancellationToken.None);

        Assert.Equal(["admin", "Bob"], first.Entries.Select(e => e.Item.Username));
        Assert.Equal(["carol", "dave"], second.Entries.Select(e => e.Item.Username));
        Assert.Equal(["erin"], third.Entries.Select(e => e.Item.Username));
        Assert.Equal((true, true, false), (first.HasNextPage, second.HasNextPage, third.HasNextPage));
        Assert.Equal(5, first.TotalCount);
        Assert.Equal(["Bob", "carol"], editors.Entries.Select(e => e.Item.Username));
        Assert.Equal(2, editors.TotalCount);
        Assert.Equal(["admin", "carol", "dave"], containing.Entries.Select(e => e.Item.Username));
    }

    [Fact]
    public async Task ListUsers_AsNonAdmin_ThrowsForbidden()
    {
        var error = await Assert.ThrowsAsync<IdentityException>(
            () => _h.Service.ListUsersAsync(new Actor("someone", null, ["member"]), new UserQuery(10), CancellationToken.None));

        Assert.Equal(IdentityErrorCodes.Forbidden, error.Code);
    }

    [Theory]
    [InlineData("!!!not base64!!!", 10)]
    [InlineData(null, -1)]
    [InlineData(null, 1001)]
    public async Task ListUsers_BadCursorOrPageSize_ThrowsInvalidInput(string? after, int first)
    {
        var error = await Assert.ThrowsAsync<IdentityException>(
            () => _h.Service.ListUsersAsync(_h.Admin, new UserQuery(first, after), CancellationToken.None));

        Assert.Equal(IdentityErrorCodes.InvalidInput, error.Code);
    }

    public sealed class Sqlite() : IdentityServiceUserTests(StoreProvider.Sqlite);

    public sealed class PostgreSql() : IdentityServiceUserTests(StoreProvider.PostgreSql);
}
