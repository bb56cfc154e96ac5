using CollectionStore.Api.Schema.Identity;
using CollectionStore.Api.Schema.Inputs;
using CollectionStore.Api.Schema.Relations;
using CollectionStore.Api.Schema.Resolvers;
using CollectionStore.Api.Schema.Types;
using CollectionStore.Domain.Model;
using CollectionStore.Domain.Store;
using GraphQL.Types;

namespace CollectionStore.Api.Schema;

/// <summary>
/// Builds the GraphQL schema the model generates: per collection an object type, a connection, filter, sort
/// and mutation input types, the root query fields <c>tasks</c>/<c>task</c> and the mutations
/// <c>createTask</c>/<c>updateTask</c>/<c>deleteTask</c>, with resolvers over the document store; and the
/// built-in identity API (login, sessions, users, audit log).
/// </summary>
internal static class ModelSchemaBuilder
{
    public static ISchema Build(CollectionModel model, IDocumentStore store, PagingOptions paging, IServiceProvider? services = null)
    {
        var registry = new GraphTypeRegistry();
        var connectionTypes = new ConnectionTypes(registry);
        var outputs = new OutputTypes(registry, model, connectionTypes);
        var filters = new FilterInputTypes(registry, model);
        var sorts = new SortInputTypes(registry, model);
        var arguments = new ConnectionArguments(registry, filters, sorts, new FilterInputConverter(model), paging);

        outputs.AddEnums();
        filters.Declare();
        outputs.Declare();
        filters.Populate();
        outputs.Populate(new RelationResolvers(store, model, arguments), arguments);
        var inputs = new MutationInputTypes(registry, model, outputs);
        inputs.AddEmbeddedInputs();

        var changes = new ChangeTypes(registry, outputs);
        changes.Declare(model);

        var resolvers = new CollectionResolvers(store, arguments);
        var schema = services is null ? new GraphQL.Types.Schema() : new GraphQL.Types.Schema(services);
        schema.Description = "The Collection Store API generated from " + Path.GetFileName(model.SourcePath) + ".";
        var query = RootTypes.Query(model, registry, outputs, connectionTypes, arguments, resolvers);
        var mutation = RootTypes.Mutation(model, registry, outputs, inputs, resolvers);
        IdentityRootFields.Add(model, registry, connectionTypes, paging, query, mutation);
        Access.ExplainAccessField.Add(registry, query, new Access.ExplainAccessResolver(model, store));
        schema.Query = query;
        schema.Mutation = mutation;
        schema.Subscription = RootTypes.Subscription(model, changes, filters, new FilterInputConverter(model));
        foreach (var type in registry.All)
        {
            // Types unreachable from the roots (an unused embedded input) still belong to the generated API.
            schema.RegisterType(type);
        }

        ModelDirectives.Register(schema, registry);
        schema.Initialize();
        return schema;
    }
}
