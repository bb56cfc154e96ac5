namespace CollectionStore.Authorization.Rules;

/// <summary>
/// The outcome of one access check: whether it is allowed, the grant that allowed it, and the grants
/// examined with why each did or did not match (every grant of the collection when denied).
/// </summary>
public sealed record AccessDecision(bool Allowed, GrantExplanation? Matched, IReadOnlyList<GrantExplanation> Grants);
