using CollectionStore.Api.Access;
using CollectionStore.Api.Schema.Inputs;
using CollectionStore.Api.Schema.Resolvers;
using CollectionStore.Domain.Documents;
using CollectionStore.Domain.Model;
using CollectionStore.Domain.Store;
using GraphQL;

namespace CollectionStore.Api.Schema.Relations;

/// <summary>
/// Resolves relation fields through the request's batch loaders, so a page never costs a query per row; both
/// directions read only documents the subject may read (a forbidden <c>@belongsTo</c> target is null, a forbidden
/// <c>@hasMany</c> row is neither listed nor counted).
/// </summary>
internal sealed class RelationResolvers(IDocumentStore store, CollectionModel model, ConnectionArguments connections)
{
    private static readonly DocumentPage EmptyPage = new([], HasNextPage: false, HasPreviousPage: false, TotalCount: 0);

    public object? ResolveBelongsTo(IResolveFieldContext context, RelationDefinition relation)
    {
        var foreignKey = FieldValueReader.ReadString(context.Source, relation.ForeignKeyField);
        return foreignKey is null
            ? null
            : RelationLoaders.For(context, store).Documents(relation.TargetCollection, QueryAccess.For(context)).Load(foreignKey);
    }

    public object? ResolveHasMany(IResolveFieldContext context, RelationDefinition relation)
    {
        var parent = (Document)context.Source!;
        var target = model.GetCollection(relation.TargetCollection);
        var query = connections.Build(context, target);
        query = query with { Filter = QueryAccess.For(context).Restrict(target.Name, query.Filter) };
        var loader = RelationLoaders.For(context, store).Pages(context.FieldAst, query, relation.ForeignKeyField);
        var pending = loader.Load(parent.Id);
        return new PendingResult<DocumentPage>(async ct => await pending.GetResultAsync(ct) ?? EmptyPage);
    }
}
