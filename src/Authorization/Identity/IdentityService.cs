using System.Text.Json.Nodes;
using CollectionStore.Authorization.Audit;
using CollectionStore.Authorization.Identity.Store;
using CollectionStore.Authorization.Tokens;
using CollectionStore.Domain.Documents;
using Microsoft.AspNetCore.Identity;

namespace CollectionStore.Authorization.Identity;

/// <summary>
/// The built-in identity provider: password logins (rate limited, equal cost for unknown users), sessions with
/// rotating one-use refresh tokens, and admin-managed users. Each change commits with its audit entry; signals
/// for revocations and user changes are published only after the commit.
/// </summary>
public sealed class IdentityService : IIdentityService
{
    private static readonly UserAccount UnknownUser = new(string.Empty, string.Empty, [], [], Disabled: true, default, default, 0);

    private readonly IdentityStore _store;
    private readonly IAccessTokenIssuer _tokens;
    private readonly AuthOptions _options;
    private readonly IdentitySignals _signals;
    private readonly IPasswordHasher<UserAccount> _hasher;
    private readonly LoginRateLimiter _limiter;
    private readonly UlidGenerator _ids;
    private readonly Lazy<string> _unknownUserHash;
    private readonly UserAdministration _users;

    public IdentityService(IdentityStore store, IAccessTokenIssuer tokens, AuthOptions options, IdentitySignals signals, TimeProvider time)
        : this(store, tokens, options, signals, time, new PasswordHasher<UserAccount>())
    {
    }

    internal IdentityService(
        IdentityStore store,
        IAccessTokenIssuer tokens,
        AuthOptions options,
        IdentitySignals signals,
        TimeProvider time,
        IPasswordHasher<UserAccount> hasher)
    {
        _store = store;
        _tokens = tokens;
        _options = options;
        _signals = signals;
        _hasher = hasher;
        _limiter = new LoginRateLimiter(options.LoginRateLimit, time);
        _ids = new UlidGenerator(time);

        // A real hash of an unguessable password: verifying against it costs what verifying a real user costs.
        _unknownUserHash = new Lazy<string>(() => hasher.HashPassword(UnknownUser, RefreshTokens.Create()));
        _users = new UserAdministration(store, signals, hasher, _ids);
    }

    public async Task<IssuedTokens> LoginAsync(string username, string password, ClientInfo client, CancellationToken cancellationToken)
    {
        EnsureBuiltInLogin();
        ArgumentNullException.ThrowIfNull(client);
        username ??= string.Empty;
        var attempt = _limiter.Begin(UserRows.Normalize(username), client.Address);
        if (attempt.Refused)
        {
            await AuditAloneAsync(Event(AuditKinds.LoginRateLimited, null, null, client, UsernameDetail(username)), cancellationToken);
            throw new IdentityException(IdentityErrorCodes.RateLimited, "Too many failed logins; try again later.", attempt.RetryAfter);
        }

        // Read before the lookup so the first login of the process pays for creating it whether the user exists or not.
        var unknownUserHash = _unknownUserHash.Value;
        var stored = await _store.ReadAsync((c, ct) => UserRows.FindByUsernameAsync(c, username, ct), cancellationToken);
        var verdict = _hasher.VerifyHashedPassword(stored?.Account ?? UnknownUser, stored?.PasswordHash ?? unknownUserHash, password ?? string.Empty);
        if (stored is null || verdict == PasswordVerificationResult.Failed || stored.Account.Disabled)
        {
            var reason = stored is null ? "unknown_user" : verdict == PasswordVerificationResult.Failed ? "wrong_password" : "disabled";
            var detail = UsernameDetail(username);
            detail["reason"] = reason;
            await AuditAloneAsync(Event(AuditKinds.LoginFailed, stored?.Account.Id, null, client, detail), cancellationToken);
            throw new IdentityException(IdentityErrorCodes.InvalidCredentials, "The username or password is not correct.");
        }

        _limiter.Succeeded(attempt);
        var rehash = verdict == PasswordVerificationResult.SuccessRehashNeeded ? _hasher.HashPassword(stored.Account, password!) : null;
        var refreshToken = RefreshTokens.Create();
        var sessionId = _ids.NewId();
        var session = await _store.WriteAsync(
            async (tx, ct) =>
            {
                var created = new SessionInfo(sessionId, stored.Account.Id, tx.Now, tx.Now, tx.Now + _options.RefreshTokenLifetime, null, null, client.Address);
                await SessionRows.InsertAsync(tx.Connection, created, RefreshTokens.Hash(refreshToken), ct);
                if (rehash is not null)
                {
                    await UserRows.UpdateAsync(tx.Connection, stored with { PasswordHash = rehash }, ct);
                }

                await tx.AuditAsync(Event(AuditKinds.LoginSucceeded, stored.Account.Id, created.Id, client, UsernameDetail(stored.Account.Username)), ct);
                return created;
            },
            cancellationToken);
        return Issue(stored.Account, session, refreshToken);
    }

    public async Task<IssuedTokens> RefreshAsync(string refreshToken, ClientInfo client, CancellationToken cancellationToken)
    {
        EnsureBuiltInLogin();
        ArgumentNullException.ThrowIfNull(client);
        var presented = RefreshTokens.Hash(refreshToken ?? string.Empty);
        var next = RefreshTokens.Create();
        var outcome = await _store.WriteAsync((tx, ct) => RotateAsync(tx, presented, next, client, ct), cancellationToken);
        if (outcome.Revoked is { } revoked)
        {
            _signals.Publish(revoked);
        }

        if (outcome.User is null || outcome.Session is null)
        {
            throw new IdentityException(IdentityErrorCodes.InvalidRefreshToken, "The refresh token is not valid.");
        }

        return Issue(outcome.User, outcome.Session, next);
    }

    public async Task<bool> LogoutAsync(Actor actor, ClientInfo client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.SessionId is not { } sessionId)
        {
            return false;
        }

        var revoked = await _store.WriteAsync(
            async (tx, ct) =>
            {
                var session = await SessionRows.FindAsync(tx.Connection, sessionId, ct);
                if (session is null || session.UserId != actor.UserId || !session.IsActiveAt(tx.Now)
                    || !await SessionRows.RevokeAsync(tx.Connection, sessionId, tx.Now, "logout", ct))
                {
                    return false;
                }

                await tx.AuditAsync(Event(AuditKinds.Logout, actor.UserId, sessionId, client, null), ct);
                return true;
            },
            cancellationToken);
        if (revoked)
        {
            _signals.Publish(new IdentitySignal(IdentitySignalKind.SessionsRevoked, actor.UserId, [sessionId], "logout"));
        }

        return revoked;
    }

    public async Task<bool> RevokeSessionAsync(Actor actor, string sessionId, ClientInfo client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var owner = await _store.WriteAsync(
            async (tx, ct) =>
            {
                var session = await SessionRows.FindAsync(tx.Connection, sessionId, ct);
                if (session is null)
                {
                    return null;
                }

                if (session.UserId != actor.UserId && !actor.IsAdmin)
                {
                    throw new IdentityException(IdentityErrorCodes.Forbidden, "Only an admin may revoke another user's session.");
                }

                if (!session.IsActiveAt(tx.Now) || !await SessionRows.RevokeAsync(tx.Connection, sessionId, tx.Now, "revoked", ct))
                {
                    return null;
                }

                var detail = new JsonObject { ["sessionId"] = sessionId, ["userId"] = session.UserId };
                await tx.AuditAsync(Event(AuditKinds.SessionRevoked, actor.UserId, actor.SessionId, client, detail), ct);
                return session.UserId;
            },
            cancellationToken);
        if (owner is not null)
        {
            _signals.Publish(new IdentitySignal(IdentitySignalKind.SessionsRevoked, owner, [sessionId], "revoked"));
        }

        return owner is not null;
    }

    public async Task<UserAccount?> FindUserAsync(string userId, CancellationToken cancellationToken) =>
        (await _store.ReadAsync((c, ct) => UserRows.FindByIdAsync(c, userId, ct), cancellationToken))?.Account;

    public async Task<IReadOnlyList<SessionInfo>> ListSessionsAsync(string userId, CancellationToken cancellationToken) =>
        await _store.ReadAsync((c, ct) => SessionRows.ListActiveAsync(c, userId, _store.Time.GetUtcNow(), ct), cancellationToken);

    public Task<bool> IsSessionActiveAsync(string sessionId, CancellationToken cancellationToken) =>
        _store.ReadAsync((c, ct) => SessionRows.IsActiveAsync(c, sessionId, _store.Time.GetUtcNow(), ct), cancellationToken);

    public Task<UserAccount> CreateUserAsync(Actor actor, NewUser input, ClientInfo client, CancellationToken cancellationToken) =>
        _users.CreateAsync(actor, input, client, cancellationToken);

    public Task<UserAccount> UpdateUserAsync(Actor actor, string userId, UserChanges changes, ClientInfo client, CancellationToken cancellationToken) =>
        _users.UpdateAsync(actor, userId, changes, client, cancellationToken);

    public Task<Page<UserAccount>> ListUsersAsync(Actor actor, UserQuery query, CancellationToken cancellationToken) =>
        _users.ListAsync(actor, query, cancellationToken);

    public Task<BootstrapResult> EnsureBootstrapAdminAsync(string username, string? password, CancellationToken cancellationToken) =>
        _users.EnsureBootstrapAdminAsync(username, password, cancellationToken);

    internal static AuditEvent Event(string kind, string? subjectId, string? sessionId, ClientInfo client, JsonObject? detail) =>
        new(kind, subjectId, sessionId, client.Address, client.Protocol, client.Origin, detail);

    private static JsonObject UsernameDetail(string username) =>
        new() { ["username"] = username.Length > UserRules.MaxUsernameLength ? username[..UserRules.MaxUsernameLength] : username };

    private async Task<RefreshOutcome> RotateAsync(IdentityTransaction tx, string presented, string next, ClientInfo client, CancellationToken cancellationToken)
    {
        var session = await SessionRows.FindByRefreshHashAsync(tx.Connection, presented, cancellationToken);
        if (session is null)
        {
            return await DetectReuseAsync(tx, presented, client, cancellationToken);
        }

        var user = await UserRows.FindByIdAsync(tx.Connection, session.UserId, cancellationToken);
        if (!session.IsActiveAt(tx.Now) || user is null || user.Account.Disabled)
        {
            return RefreshOutcome.Refused;
        }

        var expiresAt = tx.Now + _options.RefreshTokenLifetime;
        await SessionRows.RotateAsync(tx.Connection, session.Id, presented, RefreshTokens.Hash(next), tx.Now, expiresAt, cancellationToken);
        await tx.AuditAsync(Event(AuditKinds.TokenRefreshed, user.Account.Id, session.Id, client, null), cancellationToken);
        return new RefreshOutcome(user.Account, session with { LastRefreshedAt = tx.Now, ExpiresAt = expiresAt }, null);
    }

    private static async Task<RefreshOutcome> DetectReuseAsync(IdentityTransaction tx, string presented, ClientInfo client, CancellationToken cancellationToken)
    {
        var session = await SessionRows.FindByUsedRefreshHashAsync(tx.Connection, presented, cancellationToken);
        if (session is null)
        {
            return RefreshOutcome.Refused;
        }

        // A rotated-away token came back: either its owner or a thief holds a copy, so neither may keep the session.
        var revoked = await SessionRows.RevokeAsync(tx.Connection, session.Id, tx.Now, "refresh_token_reused", cancellationToken);
        var detail = new JsonObject { ["sessionRevoked"] = revoked };
        await tx.AuditAsync(Event(AuditKinds.RefreshTokenReused, session.UserId, session.Id, client, detail), cancellationToken);
        var signal = revoked ? new IdentitySignal(IdentitySignalKind.SessionsRevoked, session.UserId, [session.Id], "refresh_token_reused") : null;
        return RefreshOutcome.Refused with { Revoked = signal };
    }

    private void EnsureBuiltInLogin()
    {
        if (!string.IsNullOrEmpty(_options.Authority))
        {
            throw new IdentityException(IdentityErrorCodes.LoginDisabled, "Login is handled by the external identity provider.");
        }
    }

    private async Task AuditAloneAsync(AuditEvent auditEvent, CancellationToken cancellationToken) =>
        await _store.WriteAsync(async (tx, ct) => await tx.AuditAsync(auditEvent, ct), cancellationToken);

    private IssuedTokens Issue(UserAccount user, SessionInfo session, string refreshToken)
    {
        var access = _tokens.Issue(user, session.Id);
        return new IssuedTokens(access.Value, refreshToken, access.ExpiresAt, user, session);
    }
}
