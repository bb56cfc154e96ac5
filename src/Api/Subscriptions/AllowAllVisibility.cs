using System.Security.Claims;
using CollectionStore.Domain.Documents;
using CollectionStore.Domain.Model;

namespace CollectionStore.Api.Subscriptions;

/// <summary>Every subscriber may see every document: the visibility until authorization rules exist.</summary>
internal sealed class AllowAllVisibility : ISubscriptionVisibility
{
    private static readonly Func<Document, bool> Everything = _ => true;

    public string Fingerprint(ClaimsPrincipal? user) => string.Empty;

    public Func<Document, bool> For(ClaimsPrincipal? user, CollectionDefinition collection) => Everything;
}
