namespace CollectionStore.Authorization.Identity;

/// <summary>One sign-in of a user: created by login, extended by each refresh, ended by logout or revocation.</summary>
public sealed record SessionInfo(
    string Id,
    string UserId,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastRefreshedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? RevokedAt,
    string? RevokedReason,
    string? ClientAddress)
{
    /// <summary>True while the session may still be used: not revoked and its refresh window not over.</summary>
    public bool IsActiveAt(DateTimeOffset now) => RevokedAt is null && ExpiresAt > now;
}
