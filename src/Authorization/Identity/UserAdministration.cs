using System.Buffers.Text;
using System.Data.Common;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using CollectionStore.Authorization.Audit;
using CollectionStore.Authorization.Identity.Store;
using CollectionStore.Domain.Documents;
using Microsoft.AspNetCore.Identity;

namespace CollectionStore.Authorization.Identity;

/// <summary>
/// The admin side of <see cref="IdentityService"/>: creating, changing and listing users, and the first admin.
/// Disabling a user or changing the password revokes all of the user's sessions; a role or attribute change keeps
/// the sessions but is announced so live connections evaluate again what the user may see.
/// </summary>
internal sealed class UserAdministration(IdentityStore store, IdentitySignals signals, IPasswordHasher<UserAccount> hasher, UlidGenerator ids)
{
    public async Task<UserAccount> CreateAsync(Actor actor, NewUser input, ClientInfo client, CancellationToken cancellationToken)
    {
        RequireAdmin(actor);
        ArgumentNullException.ThrowIfNull(input);
        UserRules.ValidateUsername(input.Username);
        UserRules.ValidatePassword(input.Password);
        var roles = UserRules.NormalizeRoles(input.Roles);
        var attributes = UserRules.CopyAttributes(input.Attributes);
        var id = ids.NewId();
        var hash = hasher.HashPassword(UnsavedUser(id, input.Username), input.Password);
        return await store.WriteAsync(
            async (tx, ct) =>
            {
                var account = new UserAccount(id, input.Username, roles, attributes, Disabled: false, tx.Now, tx.Now, Version: 1);
                await InsertAsync(tx, new StoredUser(account, hash), ct);
                var detail = new JsonObject { ["userId"] = id, ["username"] = account.Username, ["roles"] = RolesJson(roles) };
                await tx.AuditAsync(IdentityService.Event(AuditKinds.UserCreated, actor.UserId, actor.SessionId, client, detail), ct);
                return account;
            },
            cancellationToken);
    }

    public async Task<UserAccount> UpdateAsync(Actor actor, string userId, UserChanges changes, ClientInfo client, CancellationToken cancellationToken)
    {
        RequireAdmin(actor);
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Password is not null)
        {
            UserRules.ValidatePassword(changes.Password);
        }

        var roles = changes.Roles is null ? null : UserRules.NormalizeRoles(changes.Roles);
        var hash = changes.Password is null ? null : hasher.HashPassword(UnsavedUser(userId, string.Empty), changes.Password);
        var outcome = await store.WriteAsync(
            async (tx, ct) =>
            {
                var current = await UserRows.FindByIdAsync(tx.Connection, userId, ct)
                    ?? throw new IdentityException(IdentityErrorCodes.NotFound, $"No user has the id '{userId}'.");
                var change = UserChange.Between(current, roles, changes.Attributes, changes.Disabled, hash, tx.Now);
                if (change.Fields.Count == 0)
                {
                    return change;
                }

                await UserRows.UpdateAsync(tx.Connection, change.Updated, ct);
                if (change.RevokeReason is { } reason)
                {
                    change = change with { RevokedSessions = await SessionRows.RevokeAllAsync(tx.Connection, userId, tx.Now, reason, ct) };
                }

                await tx.AuditAsync(IdentityService.Event(AuditKinds.UserChanged, actor.UserId, actor.SessionId, client, change.Detail()), ct);
                return change;
            },
            cancellationToken);
        Announce(outcome);
        return outcome.Updated.Account;
    }

    public async Task<Page<UserAccount>> ListAsync(Actor actor, UserQuery query, CancellationToken cancellationToken)
    {
        RequireAdmin(actor);
        ArgumentNullException.ThrowIfNull(query);
        if (query.First < 0 || query.First > UserListing.MaxPageSize)
        {
            throw new IdentityException(IdentityErrorCodes.InvalidInput, $"'first' must be between 0 and {UserListing.MaxPageSize}.");
        }

        return await store.ReadAsync((c, ct) => UserListing.ListAsync(c, store.Database, query, ct), cancellationToken);
    }

    public async Task<BootstrapResult> EnsureBootstrapAdminAsync(string username, string? password, CancellationToken cancellationToken)
    {
        UserRules.ValidateUsername(username);
        if (await store.ReadAsync(UserRows.AnyAsync, cancellationToken))
        {
            return new BootstrapResult(Created: false, username, GeneratedPassword: null);
        }

        var generated = string.IsNullOrEmpty(password) ? Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(24)) : null;
        var effective = generated ?? password!;
        UserRules.ValidatePassword(effective);
        var id = ids.NewId();
        var hash = hasher.HashPassword(UnsavedUser(id, username), effective);
        var created = await store.WriteAsync(
            async (tx, ct) =>
            {
                // Checked again under the write lock: another node may have created the first user meanwhile.
                if (await UserRows.AnyAsync(tx.Connection, ct))
                {
                    return false;
                }

                var account = new UserAccount(id, username, [Actor.AdminRole], [], Disabled: false, tx.Now, tx.Now, Version: 1);
                await UserRows.InsertAsync(tx.Connection, new StoredUser(account, hash), ct);
                var detail = new JsonObject { ["userId"] = id, ["username"] = username, ["roles"] = RolesJson(account.Roles), ["bootstrap"] = true };
                await tx.AuditAsync(new AuditEvent(AuditKinds.UserCreated, SubjectId: id, Detail: detail), ct);
                return true;
            },
            cancellationToken);
        return new BootstrapResult(created, username, created ? generated : null);
    }

    private static void RequireAdmin(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsAdmin)
        {
            throw new IdentityException(IdentityErrorCodes.Forbidden, "Only an admin may manage users.");
        }
    }

    private async Task InsertAsync(IdentityTransaction tx, StoredUser user, CancellationToken cancellationToken)
    {
        try
        {
            await UserRows.InsertAsync(tx.Connection, user, cancellationToken);
        }
        catch (DbException ex) when (store.Database.IsUsernameConflict(ex))
        {
            throw new IdentityException(IdentityErrorCodes.UsernameTaken, $"The username '{user.Account.Username}' is taken.");
        }
    }

    private static UserAccount UnsavedUser(string id, string username) =>
        new(id, username, [], [], Disabled: false, default, default, 0);

    private static JsonArray RolesJson(IReadOnlyList<string> roles) => [.. roles.Select(r => (JsonNode?)r)];

    private void Announce(UserChange change)
    {
        var userId = change.Updated.Account.Id;
        if (change.RevokeReason is { } reason)
        {
            signals.Publish(new IdentitySignal(IdentitySignalKind.SessionsRevoked, userId, change.RevokedSessions, reason));
        }

        if (change.Fields.Contains("roles") || change.Fields.Contains("attributes"))
        {
            signals.Publish(new IdentitySignal(IdentitySignalKind.UserChanged, userId, [], string.Join(",", change.Fields)));
        }
    }
}
