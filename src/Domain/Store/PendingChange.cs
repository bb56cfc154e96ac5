using CollectionStore.Domain.ChangeFeed;
using CollectionStore.Domain.Documents;

namespace CollectionStore.Domain.Store;

/// <summary>What a write did inside its transaction, before the change feed gives it a sequence.</summary>
internal sealed record PendingChange(
    string Collection,
    string DocumentId,
    ChangeOperation Operation,
    long Version,
    Document? Before,
    Document? After,
    string? Subject,
    DateTimeOffset At);
