namespace CollectionStore.Authorization.Tokens;

/// <summary>
/// The claims of an access token whose signature, algorithm, issuer, audience, type and lifetime all checked out.
/// <see cref="SessionId"/> is null for tokens of an external issuer (they have no server-side session).
/// </summary>
public sealed record VerifiedToken(
    string Subject,
    string? SessionId,
    IReadOnlyList<string> Roles,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? IssuedAt,
    string? TokenId,
    bool External);
