namespace CollectionStore.Authorization.Identity;

/// <summary>
/// Something live connections must react to: sessions revoked (their connections end) or a user changed (what
/// the user may see is evaluated again). Carried in process now and between nodes by the bus.
/// </summary>
public sealed record IdentitySignal(IdentitySignalKind Kind, string UserId, IReadOnlyList<string> SessionIds, string Reason);

/// <summary>The kinds of <see cref="IdentitySignal"/>.</summary>
public enum IdentitySignalKind
{
    /// <summary>The listed sessions (all of the user's when disabled or the password changed) are over.</summary>
    SessionsRevoked,

    /// <summary>The user's roles or attributes changed; <see cref="IdentitySignal.SessionIds"/> is empty.</summary>
    UserChanged,
}
