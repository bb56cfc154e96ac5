namespace CollectionStore.Domain.Filtering;

/// <summary>
/// One key of an <c>order</c> argument. <see cref="Path"/> is a field of the collection (a system field or a
/// stored scalar/enum field), or a path through embedded objects. Nulls sort first ascending and last descending.
/// </summary>
public sealed record SortField(IReadOnlyList<string> Path, bool Descending);
