using CollectionStore.Domain.Filtering;

namespace CollectionStore.Domain.Store;

/// <summary>
/// A list query: <see cref="Filter"/> (null = all), <see cref="Sort"/> (the store appends <c>id</c> as the
/// final tie-breaker), a page, and whether <c>totalCount</c> is wanted (one extra COUNT when true).
/// </summary>
public sealed record DocumentQuery(
    string Collection,
    FilterExpression? Filter,
    IReadOnlyList<SortField> Sort,
    PageRequest Page,
    bool IncludeTotalCount);
