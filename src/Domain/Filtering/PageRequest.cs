namespace CollectionStore.Domain.Filtering;

/// <summary>
/// Relay-style paging: <see cref="First"/>/<see cref="After"/> forward, <see cref="Last"/>/<see cref="Before"/>
/// backward. Cursors are opaque strings produced by the store for the same sort.
/// </summary>
public sealed record PageRequest(int? First, string? After, int? Last, string? Before);
