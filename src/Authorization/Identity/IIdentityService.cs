namespace CollectionStore.Authorization.Identity;

/// <summary>
/// Users, sessions and token issuance for the built-in identity provider. Every change is written together with
/// its audit entry in one transaction, and every revocation is announced on <see cref="IdentitySignals"/> after
/// it commits. Failures the client may know throw <see cref="IdentityException"/>.
/// </summary>
public interface IIdentityService
{
    /// <summary>Checks the password (same cost whether the user exists or not), rate limited per username and address.</summary>
    Task<IssuedTokens> LoginAsync(string username, string password, ClientInfo client, CancellationToken cancellationToken);

    /// <summary>Rotates a refresh token: each works once; presenting a used one revokes its whole session.</summary>
    Task<IssuedTokens> RefreshAsync(string refreshToken, ClientInfo client, CancellationToken cancellationToken);

    /// <summary>Revokes the caller's own session; false when it was already over.</summary>
    Task<bool> LogoutAsync(Actor actor, ClientInfo client, CancellationToken cancellationToken);

    /// <summary>Revokes a session of the caller (an admin: anyone's); false when unknown or already revoked.</summary>
    Task<bool> RevokeSessionAsync(Actor actor, string sessionId, ClientInfo client, CancellationToken cancellationToken);

    Task<UserAccount?> FindUserAsync(string userId, CancellationToken cancellationToken);

    /// <summary>The user's sessions that are still active, newest first.</summary>
    Task<IReadOnlyList<SessionInfo>> ListSessionsAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Whether access tokens of this session may still be used (not revoked, not expired, user not disabled).</summary>
    Task<bool> IsSessionActiveAsync(string sessionId, CancellationToken cancellationToken);

    /// <summary>Admins only.</summary>
    Task<UserAccount> CreateUserAsync(Actor actor, NewUser input, ClientInfo client, CancellationToken cancellationToken);

    /// <summary>
    /// Admins only. Disabling the user or changing the password revokes all of the user's sessions; a role or
    /// attribute change is announced as a user change so live connections re-evaluate what the user may see.
    /// </summary>
    Task<UserAccount> UpdateUserAsync(Actor actor, string userId, UserChanges changes, ClientInfo client, CancellationToken cancellationToken);

    /// <summary>Admins only.</summary>
    Task<Page<UserAccount>> ListUsersAsync(Actor actor, UserQuery query, CancellationToken cancellationToken);

    /// <summary>Creates the first admin when no user exists yet.</summary>
    Task<BootstrapResult> EnsureBootstrapAdminAsync(string username, string? password, CancellationToken cancellationToken);
}
