using CollectionStore.Domain.Store;

namespace CollectionStore.Api.Schema.Types;

/// <summary>
/// The source of the shared <c>PageInfo</c> type, so document connections and the identity listings (users,
/// audit entries) page the same way.
/// </summary>
internal sealed record PageInfoValues(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor)
{
    public static PageInfoValues From(DocumentPage page) =>
        new(page.HasNextPage, page.HasPreviousPage, page.Items.Count > 0 ? page.Items[0].Cursor : null, page.Items.Count > 0 ? page.Items[^1].Cursor : null);
}
