namespace CollectionStore.Authorization.Identity;

/// <summary>A page of a system listing (users, audit entries) with keyset cursors.</summary>
public sealed record Page<T>(IReadOnlyList<PageEntry<T>> Entries, bool HasNextPage, long TotalCount);

/// <summary>One item of a <see cref="Page{T}"/> with the cursor that continues after it.</summary>
public sealed record PageEntry<T>(T Item, string Cursor);
