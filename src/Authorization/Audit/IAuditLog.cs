using CollectionStore.Authorization.Identity;

namespace CollectionStore.Authorization.Audit;

/// <summary>
/// The append-only, hash-chained audit log. <see cref="Record"/> is for events that change nothing (connections,
/// denials): they are queued and written in batches, so a busy socket endpoint never waits for a disk sync.
/// Entries for changes are written by the identity store in the change's own transaction.
/// </summary>
public interface IAuditLog
{
    void Record(AuditEvent auditEvent);

    /// <summary>Writes everything recorded so far; tests and shutdown use it.</summary>
    Task FlushAsync(CancellationToken cancellationToken);

    Task<Page<AuditEntry>> ListAsync(AuditQuery query, CancellationToken cancellationToken);

    Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken);
}
