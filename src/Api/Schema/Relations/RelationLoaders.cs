using System.Collections.Concurrent;
using CollectionStore.Domain.Documents;
using CollectionStore.Domain.Store;
using GraphQL;
using GraphQLParser.AST;

namespace CollectionStore.Api.Schema.Relations;

/// <summary>
/// The batch loaders of one request, kept in the request's user context: one per <c>@belongsTo</c> target
/// collection (a GetManyAsync per batch) and one per <c>@hasMany</c> field occurrence in the document
/// (a QueryGroupedAsync per batch; the arguments of one field occurrence are the same for every parent).
/// </summary>
internal sealed class RelationLoaders(IDocumentStore store)
{
    private const string UserContextKey = "CollectionStore.RelationLoaders";
    private static readonly Lock CreationLock = new();

    private readonly ConcurrentDictionary<string, BatchLoader<Document>> _documents = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(GraphQLField Field, bool TotalCount), BatchLoader<DocumentPage>> _pages = new();

    public static RelationLoaders For(IResolveFieldContext context, IDocumentStore store)
    {
        var userContext = context.UserContext;
        lock (CreationLock)
        {
            if (userContext.TryGetValue(UserContextKey, out var existing) && existing is RelationLoaders loaders)
            {
                return loaders;
            }

            var created = new RelationLoaders(store);
            userContext[UserContextKey] = created;
            return created;
        }
    }

    /// <summary>Drops the request's loaders, so the next relation read goes to the store (one per subscription event).</summary>
    public static void Reset(IResolveFieldContext context)
    {
        lock (CreationLock)
        {
            context.UserContext.Remove(UserContextKey);
        }
    }

    public BatchLoader<Document> Documents(string collection) =>
        _documents.GetOrAdd(collection, name => new BatchLoader<Document>(async (ids, ct) =>
        {
            var documents = await SchemaErrors.GuardAsync(() => store.GetManyAsync(name, ids, ct));
            return documents.ToDictionary(d => d.Id, StringComparer.Ordinal);
        }));

    public BatchLoader<DocumentPage> Pages(GraphQLField field, DocumentQuery query, string foreignKeyField) =>
        _pages.GetOrAdd((field, query.IncludeTotalCount), _ => new BatchLoader<DocumentPage>(
            (keys, ct) => SchemaErrors.GuardAsync(() => store.QueryGroupedAsync(query, foreignKeyField, keys, ct))));
}
