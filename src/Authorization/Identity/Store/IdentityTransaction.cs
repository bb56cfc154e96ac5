using System.Data.Common;
using CollectionStore.Authorization.Audit;

namespace CollectionStore.Authorization.Identity.Store;

/// <summary>
/// One write transaction of the identity store: its connection, already holding the identity write lock, the
/// instant the transaction reads as "now", and the audit entries appended to the hash chain as part of it.
/// </summary>
internal sealed class IdentityTransaction(DbConnection connection, DateTimeOffset now)
{
    private AuditTail? _tail;

    public DbConnection Connection { get; } = connection;

    public DateTimeOffset Now { get; } = now;

    /// <summary>Appends an entry stamped with <see cref="Now"/>; it commits or rolls back with the change it records.</summary>
    public Task<AuditEntry> AuditAsync(AuditEvent auditEvent, CancellationToken cancellationToken) =>
        AuditAsync(auditEvent, Now, cancellationToken);

    public async Task<AuditEntry> AuditAsync(AuditEvent auditEvent, DateTimeOffset at, CancellationToken cancellationToken)
    {
        // The tail is read under the write lock, so the chain stays linear across processes and both write paths.
        _tail ??= await AuditRows.ReadTailAsync(Connection, cancellationToken);
        var entry = AuditChain.Seal(_tail.Sequence + 1, at, auditEvent, _tail.Hash);
        await AuditRows.InsertAsync(Connection, entry, cancellationToken);
        _tail = new AuditTail(entry.Sequence, entry.Hash);
        return entry;
    }
}
