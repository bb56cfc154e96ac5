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

        if (since is { } resumeAfter)
        {
            var oldest = await store.GetOldestRetainedSequenceAsync(context.CancellationToken);
            if (resumeAfter + 1 < oldest)
            {
                throw SubscriptionErrors.ResyncRequired(resumeAfter, oldest);
            }

            cohort.MarkPrivate();
        }

        var canSee = visibility.For(context.User, collection);
        Func<Document, bool> inView = where is null
            ? canSee
            : document => canSee(document) && _evaluator.Matches(collection, document, where, Related);
        return new ChangeSource(collection, inView, since, dispatcher, store, cohort, options.Value.CohortQueueCapacity, logger);
    }

    // The in-memory evaluator asks for related documents synchronously; it runs on a change source's own
    // pump, never on the dispatcher, and SQLite reads complete synchronously underneath anyway.
    private Document? Related(string collection, string id) =>
        store.GetAsync(collection, id, CancellationToken.None).GetAwaiter().GetResult();
}
