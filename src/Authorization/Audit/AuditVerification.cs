namespace CollectionStore.Authorization.Audit;

/// <summary>The result of recomputing the hash chain: valid, or the first entry whose link is broken.</summary>
public sealed record AuditVerification(bool Valid, long EntriesChecked, long? FirstBrokenSequence, string? Problem);
