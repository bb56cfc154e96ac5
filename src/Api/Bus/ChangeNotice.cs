using CollectionStore.Domain.ChangeFeed;

namespace CollectionStore.Api.Bus;

/// <summary>
/// A committed change as it travels on the bus: compact (collection, id, sequence) so it fits any transport.
/// <see cref="Record"/> is the full change when the notice was raised in this process; a notice from another
/// node has none and the engine reads the change from the store's feed, which stays the source of truth.
/// </summary>
public sealed record ChangeNotice(long Sequence, string Collection, string DocumentId, ChangeRecord? Record);
