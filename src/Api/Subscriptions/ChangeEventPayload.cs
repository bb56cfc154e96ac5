using CollectionStore.Domain.ChangeFeed;
using CollectionStore.Domain.Documents;

namespace CollectionStore.Api.Subscriptions;

/// <summary>
/// One change as one subscriber's view sees it: the source value of a generated <c>TaskChange</c>.
/// <see cref="Document"/> is the new state for ADDED/UPDATED and the last state the subscriber could see for REMOVED.
/// </summary>
internal sealed record ChangeEventPayload(
    ChangeKind Kind,
    ChangeOperation Operation,
    long Sequence,
    Document Document,
    Document? Previous,
    IReadOnlyList<string> ChangedFields);

/// <summary>What a change means for one subscriber's view.</summary>
internal enum ChangeKind
{
    /// <summary>The document entered the view: created, or updated into the filter.</summary>
    Added,

    /// <summary>The document was in the view and stays in it.</summary>
    Updated,

    /// <summary>The document left the view: deleted, or updated out of the filter.</summary>
    Removed,
}
