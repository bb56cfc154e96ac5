using CollectionStore.Domain.Documents;
using CollectionStore.Domain.Filtering;
using CollectionStore.Domain.Model;
using CollectionStore.Domain.Store;
using GraphQL;
using Microsoft.Extensions.Options;

namespace CollectionStore.Api.Subscriptions;

/// <summary>
/// Opens the event stream of a generated <c>xChanged</c> subscription field for the cohort executing it: checks
/// <c>since</c> against the feed's retention and builds the subscriber's view (its <c>where</c> AND what it may see).
/// </summary>
internal sealed class ChangeStreams(
    ChangeDispatcher dispatcher,
    IDocumentStore store,
    CollectionModel model,
    ISubscriptionVisibility visibility,
    IOptions<SubscriptionOptions> options,
    ILogger<ChangeStreams> logger)
{
    private readonly InMemoryFilterEvaluator _evaluator = new(model);
    private readonly Func<string, string, Document?> _related = StoreLookup.For(store);

    public async ValueTask<IObservable<object?>> OpenAsync(
        IResolveFieldContext context,
        CollectionDefinition collection,
        FilterExpression? where,
        long? since)
    {
        if (!context.UserContext.TryGetValue(SubscriptionCohort.UserContextKey, out var value) || value is not SubscriptionCohort cohort)
        {
            throw SubscriptionErrors.TransportRequired();
        }

        // Refused before anything else (and before any event) when the subscriber may not read the collection at all.
        var user = context.User;
        visibility.Demand(user, collection);
        if (since is { } resumeAfter)
        {
            var oldest = await Schema.SchemaErrors.GuardAsync(() => store.GetOldestRetainedSequenceAsync(context.CancellationToken));
            if (resumeAfter + 1 < oldest)
            {
                throw SubscriptionErrors.ResyncRequired(resumeAfter, oldest);
            }

            cohort.MarkPrivate();
        }

        // The visibility is asked first: a subscriber that lost the collection is ended even by a change its where skips.
        var canSee = visibility.For(user, collection);
        Func<Document, bool> inView = where is null
            ? canSee
            : document => canSee(document) && _evaluator.Matches(collection, document, where, _related);
        var view = new SubscriberView(
            inView,
            () => visibility.Demand(user, collection),
            changed => visibility.Watch(user, changed),
            visibility.Fields(user, collection));
        return new ChangeSource(collection, view, since, dispatcher, store, cohort, options.Value.CohortQueueCapacity, logger);
    }
}
