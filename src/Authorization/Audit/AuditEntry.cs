namespace CollectionStore.Authorization.Audit;

/// <summary>A stored audit entry. <see cref="Hash"/> covers every other member and <see cref="PreviousHash"/>.</summary>
public sealed record AuditEntry(
    long Sequence,
    DateTimeOffset At,
    string Kind,
    string? SubjectId,
    string? SessionId,
    string? Address,
    string? Protocol,
    string? Origin,
    string? Detail,
    string PreviousHash,
    string Hash);
