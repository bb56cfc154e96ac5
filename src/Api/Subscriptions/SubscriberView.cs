using CollectionStore.Domain.Documents;

namespace CollectionStore.Api.Subscriptions;

/// <summary>
/// One subscriber's view of a collection as its change source applies it: <see cref="InView"/> decides each
/// state of a change ("matches <c>where</c> AND may read"), <see cref="Demand"/> throws when the subscriber may no
/// longer watch the collection, <see cref="Watch"/> reports when either may have changed, and
/// <see cref="Fields"/> names the fields of a state the subscriber may read (null: all).
/// </summary>
internal sealed record SubscriberView(
    Func<Document, bool> InView,
    Action Demand,
    Func<Action, IDisposable> Watch,
    Func<Document, IReadOnlySet<string>?> Fields)
{
    /// <summary>A view that depends on nothing about the subscriber that could change.</summary>
    public static SubscriberView Fixed(Func<Document, bool> inView) =>
        new(inView, static () => { }, static _ => NoChanges.Instance, static _ => null);
}
