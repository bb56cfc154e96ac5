using CollectionStore.Domain.Store;

namespace CollectionStore.Domain.Filtering;

/// <summary>
/// A paging cursor is malformed, tampered with, or was issued for another sort order (code <c>INVALID_INPUT</c>).
/// </summary>
public sealed class InvalidCursorException(string message)
    : StoreException("INVALID_INPUT", message);
