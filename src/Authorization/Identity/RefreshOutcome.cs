namespace CollectionStore.Authorization.Identity;

/// <summary>
/// What a refresh transaction decided: the rotated session and its user, or a refusal, possibly with the
/// revocation (reuse detected) to announce once the transaction has committed.
/// </summary>
internal sealed record RefreshOutcome(UserAccount? User, SessionInfo? Session, IdentitySignal? Revoked)
{
    public static readonly RefreshOutcome Refused = new(User: null, Session: null, Revoked: null);
}
