using System.Security.Claims;
using CollectionStore.Api.Subscriptions;
using CollectionStore.Domain.Documents;
using CollectionStore.Domain.Model;

namespace CollectionStore.Api.Tests.Subscriptions;

/// <summary>
/// Everyone sees everything, but a cohort's start (its access demand) is held until <paramref name="expected"/>
/// subscriptions have asked for their fingerprint, so they all arrive while the first cohort is still starting.
/// </summary>
internal sealed class GatedVisibility(int expected) : ISubscriptionVisibility, IDisposable
{
    private readonly CountdownEvent _arrived = new(expected);

    public string Fingerprint(ClaimsPrincipal? user)
    {
        if (!_arrived.IsSet)
        {
            _arrived.Signal();
        }

        return "gated";
    }

    public Func<Document, bool> For(ClaimsPrincipal? user, CollectionDefinition collection) => static _ => true;

    public void Demand(ClaimsPrincipal? user, CollectionDefinition collection) =>
        Assert.True(_arrived.Wait(TimeSpan.FromSeconds(30)), "every subscription to arrive");

    public void Dispose() => _arrived.Dispose();
}
