using CollectionStore.Api.Schema.Inputs;
using CollectionStore.Api.Schema.Resolvers;
using CollectionStore.Api.Schema.Types;
using CollectionStore.Domain.Model;
using GraphQL.Types;

namespace CollectionStore.Api.Schema;

/// <summary>The <c>Query</c> and <c>Mutation</c> root types, one set of fields per collection.</summary>
internal static class RootTypes
{
    public static ObjectGraphType Query(
        CollectionModel model,
        GraphTypeRegistry registry,
        OutputTypes outputs,
        ConnectionTypes connections,
        ConnectionArguments arguments,
        CollectionResolvers resolvers)
    {
        var query = new ObjectGraphType { Name = "Query" };
        foreach (var collection in model.Collections)
        {
            query.AddField(FieldFactory.CreateAsync(
                collection.PluralName,
                GraphTypeRegistry.NonNull(connections.For(collection)),
                arguments.Create(collection),
                c => resolvers.ListAsync(c, collection),
                $"{collection.Name} documents, filtered, sorted and paged by cursor."));
            query.AddField(FieldFactory.CreateAsync(
                collection.SingularName,
                outputs.For(collection.Name),
                new QueryArguments(IdArgument(registry)),
                c => resolvers.GetAsync(c, collection),
                $"The {collection.Name} with this id, or null."));
        }

        return query;
    }

    public static ObjectGraphType Mutation(
        CollectionModel model,
        GraphTypeRegistry registry,
        OutputTypes outputs,
        MutationInputTypes inputs,
        CollectionResolvers resolvers)
    {
        var mutation = new ObjectGraphType { Name = "Mutation" };
        foreach (var collection in model.Collections)
        {
            var result = GraphTypeRegistry.NonNull(outputs.For(collection.Name));
            mutation.AddField(FieldFactory.CreateAsync(
                "create" + collection.Name,
                result,
                new QueryArguments(FieldFactory.Argument("input", GraphTypeRegistry.NonNull(inputs.Create(collection)))),
                c => resolvers.CreateAsync(c, collection),
                $"Creates a {collection.Name}."));
            mutation.AddField(FieldFactory.CreateAsync(
                "update" + collection.Name,
                result,
                new QueryArguments(
                    IdArgument(registry),
                    FieldFactory.Argument("input", GraphTypeRegistry.NonNull(inputs.Update(collection))),
                    ExpectedVersionArgument(registry)),
                c => resolvers.UpdateAsync(c, collection),
                $"Patches a {collection.Name}; fails with VERSION_CONFLICT when expectedVersion is not the current version."));
            mutation.AddField(FieldFactory.CreateAsync(
                "delete" + collection.Name,
                result,
                new QueryArguments(IdArgument(registry), ExpectedVersionArgument(registry)),
                c => resolvers.DeleteAsync(c, collection),
                $"Deletes a {collection.Name} and returns it as it was."));
        }

        return mutation;
    }

    public static ObjectGraphType Subscription(
        CollectionModel model,
        ChangeTypes changes,
        FilterInputTypes filters,
        FilterInputConverter converter)
    {
        var subscription = new ObjectGraphType { Name = "Subscription" };
        foreach (var collection in model.Collections)
        {
            subscription.AddField(ChangeSubscriptionField.Create(collection, changes, filters, converter));
        }

        return subscription;
    }

    private static QueryArgument IdArgument(GraphTypeRegistry registry) =>
        FieldFactory.Argument("id", GraphTypeRegistry.NonNull(registry.Id));

    private static QueryArgument ExpectedVersionArgument(GraphTypeRegistry registry) =>
        FieldFactory.Argument("expectedVersion", registry.Int, "Write only if the document is at this version.");
}
