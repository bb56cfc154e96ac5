using CollectionStore.Domain.Documents;

namespace CollectionStore.Domain.Store;

/// <summary>
/// Checks a write inside its transaction and throws to abort it. <paramref name="related"/> reads other documents
/// (collection, id) with the write's own connection, so a check that follows relations sees exactly the state the
/// write commits against.
/// </summary>
public delegate void WriteGuard(Document? before, Document? after, Func<string, string, Document?> related);
