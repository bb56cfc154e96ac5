namespace CollectionStore.Api.Transport.Sse;

/// <summary>Whether an operation could join a reservation, and if not, why.</summary>
internal enum SseOperationAdd
{
    Added,
    Duplicate,
    TooMany,
    Closed,
}
