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

    /// <summary>The check for one subscriber on one collection.</summary>
    Func<Document, bool> For(ClaimsPrincipal? user, CollectionDefinition collection);
}
