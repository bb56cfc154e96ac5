using System.Security.Claims;
using CollectionStore.Domain.Documents;
using CollectionStore.Domain.Model;

namespace CollectionStore.Api.Subscriptions;

/// <summary>
/// The per-subscriber part of a view beyond its <c>where</c>: which documents this subject may see. Its
/// fingerprint is part of the cohort key, so two subscribers share a cohort only when they see alike.
/// </summary>
internal interface ISubscriptionVisibility
{
    /// <summary>Everything the visibility check reads about the subject, as a stable string.</summary>
    string Fingerprint(ClaimsPrincipal? user);

    /// <summary>
    /// The check for one subscriber on one collection, asked for every state of every change. It may throw an
    /// <see cref="GraphQL.ExecutionError"/> to end the subscription with that error (any other exception ends it
    /// with a masked one): nothing is delivered when the check cannot answer.
    /// </summary>
    Func<Document, bool> For(ClaimsPrincipal? user, CollectionDefinition collection);

    /// <summary>
    /// The fields of a document the subscriber may read (null: all), so an event names only those among its changed
    /// fields; the values themselves are masked by the output types.
    /// </summary>
    Func<Document, IReadOnlySet<string>?> Fields(ClaimsPrincipal? user, CollectionDefinition collection) => static _ => null;

    /// <summary>Throws an <see cref="GraphQL.ExecutionError"/> when the subscriber may not watch the collection at all.</summary>
    void Demand(ClaimsPrincipal? user, CollectionDefinition collection)
    {
    }

    /// <summary>
    /// Calls <paramref name="changed"/> whenever what the subscriber may see can have changed (its roles or
    /// attributes), until the returned handle is disposed.
    /// </summary>
    IDisposable Watch(ClaimsPrincipal? user, Action changed) => NoChanges.Instance;
}
