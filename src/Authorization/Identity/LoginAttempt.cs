namespace CollectionStore.Authorization.Identity;

/// <summary>A login attempt admitted (or refused, with <see cref="RetryAfter"/>) by <see cref="LoginRateLimiter"/>.</summary>
internal sealed record LoginAttempt(IReadOnlyList<string> Keys, DateTimeOffset StartedAt, TimeSpan? RetryAfter)
{
    public bool Refused => RetryAfter is not null;
}
