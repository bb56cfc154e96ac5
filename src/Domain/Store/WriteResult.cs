using CollectionStore.Domain.ChangeFeed;
using CollectionStore.Domain.Documents;

namespace CollectionStore.Domain.Store;

/// <summary>A committed write: the resulting document (the deleted one for deletes) and its change-feed row.</summary>
public sealed record WriteResult(Document Document, ChangeRecord Change);
