using CollectionStore.Domain.Documents;
using CollectionStore.Domain.Store;

namespace CollectionStore.Api.Subscriptions;

/// <summary>
/// The synchronous related-document lookup the in-memory evaluator and the rules ask for. It runs on a change
/// source's own pump, never on the dispatcher, and SQLite reads complete synchronously underneath anyway.
/// </summary>
internal static class StoreLookup
{
    public static Func<string, string, Document?> For(IDocumentStore store) =>
        (collection, id) => store.GetAsync(collection, id, CancellationToken.None).GetAwaiter().GetResult();
}
