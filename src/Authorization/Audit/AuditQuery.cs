namespace CollectionStore.Authorization.Audit;

/// <summary>A page of the audit log, newest first; filters are optional and ANDed.</summary>
public sealed record AuditQuery(int First, string? After = null, string? Kind = null, string? SubjectId = null, DateTimeOffset? Since = null);
