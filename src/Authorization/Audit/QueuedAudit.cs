namespace CollectionStore.Authorization.Audit;

/// <summary>
/// An item of the audit log's write queue: an event stamped when it was recorded, or a flush marker completed once
/// everything queued before it is written.
/// </summary>
internal sealed record QueuedAudit(AuditEvent? Event, DateTimeOffset At, TaskCompletionSource? Flushed);
