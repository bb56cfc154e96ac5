using CollectionStore.Domain.Documents;

namespace CollectionStore.Domain.Store;

/// <summary>One page of a query, in sort order, each document with its opaque keyset cursor.</summary>
public sealed record DocumentPage(
    IReadOnlyList<PageItem> Items,
    bool HasNextPage,
    bool HasPreviousPage,
    int? TotalCount);

/// <summary>A document of a page and the cursor that points at it.</summary>
public sealed record PageItem(Document Document, string Cursor);
