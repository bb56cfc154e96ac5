using CollectionStore.Domain.Documents;

namespace CollectionStore.Domain.ChangeFeed;

/// <summary>
/// One row of the change feed: a committed write with its gap-free, commit-ordered <see cref="Sequence"/>.
/// <see cref="Before"/> is null for creates, <see cref="After"/> null for deletes.
/// </summary>
public sealed record ChangeRecord(
    long Sequence,
    string Collection,
    string DocumentId,
    ChangeOperation Operation,
    long Version,
    Document? Before,
    Document? After,
    string? Subject,
    DateTimeOffset At);

/// <summary>What a write did in the store.</summary>
public enum ChangeOperation
{
    Created,
    Updated,
    Deleted,
}
