using CollectionStore.Api.Schema.Inputs;
using CollectionStore.Api.Schema.Relations;
using CollectionStore.Api.Schema.Types;
using CollectionStore.Api.Subscriptions;
using CollectionStore.Domain.Model;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;

namespace CollectionStore.Api.Schema.Resolvers;

/// <summary>
/// The generated <c>taskChanged(where: TaskFilterInput, since: Long): TaskChange!</c> field: its stream resolver
/// opens the change stream of the executing cohort; its resolver passes each event's payload on.
/// </summary>
internal static class ChangeSubscriptionField
{
    public static GraphQL.Types.FieldType Create(
        CollectionDefinition collection,
        ChangeTypes changes,
        FilterInputTypes filters,
        FilterInputConverter converter)
    {
        return new GraphQL.Types.FieldType
        {
            Name = collection.SingularName + "Changed",
            Description = $"Every committed change that touches this subscriber's view of {collection.Name} documents, in sequence order.",
            ResolvedType = GraphTypeRegistry.NonNull(changes.For(collection)),
            Arguments = new QueryArguments(
                FieldFactory.Argument("where", filters.For(collection.Name), "The view: documents matching this filter."),
                FieldFactory.Argument("since", changes.Long, "Replays the committed changes after this sequence first, then continues live.")),
            Resolver = new FuncFieldResolver<object>(context =>
            {
                // Each event is a fresh read: relations resolve against the store as it is now, not as it was
                // for the cohort's previous event.
                RelationLoaders.Reset(context);
                return context.Source;
            }),
            StreamResolver = new SourceStreamResolver<object>(context => OpenAsync(context, collection, converter)),
        };
    }

    private static ValueTask<IObservable<object?>> OpenAsync(IResolveFieldContext context, CollectionDefinition collection, FilterInputConverter converter)
    {
        var where = converter.Convert(collection, Raw(context, "where"));
        var since = Raw(context, "since") is { } value ? Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) : (long?)null;
        var streams = context.RequestServices?.GetService(typeof(ChangeStreams)) as ChangeStreams
            ?? throw SubscriptionErrors.TransportRequired();
        return streams.OpenAsync(context, collection, where, since);
    }

    private static object? Raw(IResolveFieldContext context, string name) =>
        context.Arguments is { } arguments && arguments.TryGetValue(name, out var value) ? value.Value : null;
}
