using CollectionStore.Domain.Documents;

namespace CollectionStore.Domain.Store;

/// <summary>
/// Per-write options: the acting subject (recorded as createdBy/updatedBy and in the change feed), the
/// optimistic-concurrency check, and a guard that sees the stored and resulting states inside the write
/// transaction and may throw to abort it (authorization uses it; nothing is written when it throws).
/// </summary>
public sealed record WriteOptions(
    string? Subject = null,
    long? ExpectedVersion = null,
    WriteGuard? Guard = null)
{
    public static readonly WriteOptions Anonymous = new();
}
