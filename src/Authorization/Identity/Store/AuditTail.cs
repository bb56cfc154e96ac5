namespace CollectionStore.Authorization.Identity.Store;

/// <summary>The last link of the audit chain: the next entry takes the following sequence and this hash.</summary>
internal sealed record AuditTail(long Sequence, string Hash);
