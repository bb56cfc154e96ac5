using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using CollectionStore.Api.Access;
using CollectionStore.Domain.Documents;
using CollectionStore.Domain.Filtering;
using CollectionStore.Domain.Model;
using CollectionStore.Domain.Store;
using GraphQL;
using GraphQLParser.AST;

namespace CollectionStore.Api.Schema.Relations;

/// <summary>
/// The batch loaders of one request, kept in the request's user context: one per <c>@belongsTo</c> target
/// collection (a GetManyAsync per batch) and one per <c>@hasMany</c> field occurrence in the document
/// (a QueryGroupedAsync per batch; the arguments of one field occurrence are the same for every parent).
/// Both read only what the request's subject may read: the read filter is part of each batch's SQL.
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

    /// <summary>
    /// Drops the request's loaders and access, so the next relation read goes to the store and the next event is
    /// checked against the subject as it is then (one per subscription event).
    /// </summary>
    public static void Reset(IResolveFieldContext context)
    {
        lock (CreationLock)
        {
            context.UserContext.Remove(UserContextKey);
        }

        QueryAccess.Reset(context);
    }

    /// <summary>The documents with the given ids the subject may read: a forbidden one is as absent as a missing one.</summary>
    public BatchLoader<Document> Documents(string collection, QueryAccess access) =>
        _documents.GetOrAdd(collection, name => new BatchLoader<Document>(async (ids, ct) =>
        {
            var documents = access.Restrict(name, null) is { } readable
                ? await SchemaErrors.GuardAsync(() => QueryReadableAsync(name, ids, readable, ct))
                : await SchemaErrors.GuardAsync(() => store.GetManyAsync(name, ids, ct));
            return documents.ToDictionary(d => d.Id, StringComparer.Ordinal);
        }));

    private async Task<IReadOnlyList<Document>> QueryReadableAsync(string collection, IReadOnlyCollection<string> ids, FilterExpression readable, CancellationToken cancellationToken)
    {
        var byId = new ComparisonFilter(SystemFields.Id, ComparisonOperator.In, new JsonArray([.. ids.Select(id => JsonValue.Create(id))]));
        var query = new DocumentQuery(collection, new AndFilter([byId, readable]), [], new PageRequest(ids.Count, null, null, null), IncludeTotalCount: false);
        var page = await store.QueryAsync(query, cancellationToken);
        return [.. page.Items.Select(item => item.Document)];
    }

    public BatchLoader<DocumentPage> Pages(GraphQLField field, DocumentQuery query, string foreignKeyField) =>
        _pages.GetOrAdd((field, query.IncludeTotalCount), _ => new BatchLoader<DocumentPage>(
            (keys, ct) => SchemaErrors.GuardAsync(() => store.QueryGroupedAsync(query, foreignKeyField, keys, ct))));
}
