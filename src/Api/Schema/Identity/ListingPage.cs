using CollectionStore.Api.Schema.Types;
using CollectionStore.Authorization.Identity;

namespace CollectionStore.Api.Schema.Identity;

/// <summary>The source of the identity connections (<c>UsersConnection</c>, <c>AuditEntriesConnection</c>).</summary>
internal sealed record ListingPage(IReadOnlyList<ListingEdge> Edges, PageInfoValues PageInfo, long TotalCount)
{
    /// <summary>
    /// Wraps a forward page; a page reached through a cursor has items before it, which is all forward
    /// paging can tell about the previous page.
    /// </summary>
    public static ListingPage From<T>(Page<T> page, bool afterCursor)
        where T : notnull
    {
        var edges = page.Entries.Select(e => new ListingEdge(e.Item, e.Cursor)).ToList();
        var info = new PageInfoValues(
            page.HasNextPage,
            afterCursor,
            edges.Count > 0 ? edges[0].Cursor : null,
            edges.Count > 0 ? edges[^1].Cursor : null);
        return new ListingPage(edges, info, page.TotalCount);
    }
}

/// <summary>One item of a <see cref="ListingPage"/> and the cursor that continues after it.</summary>
internal sealed record ListingEdge(object Node, string Cursor);
