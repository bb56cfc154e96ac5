using CollectionStore.Domain.ChangeFeed;

namespace CollectionStore.Domain.Store;

/// <summary>How every store provider writes a <see cref="ChangeOperation"/> in its change-feed table.</summary>
internal static class ChangeOperationNames
{
    public static string Name(ChangeOperation operation) => operation switch
    {
        ChangeOperation.Created => "CREATED",
        ChangeOperation.Updated => "UPDATED",
        _ => "DELETED",
    };

    public static ChangeOperation Parse(string name) => name switch
    {
        "CREATED" => ChangeOperation.Created,
        "UPDATED" => ChangeOperation.Updated,
        _ => ChangeOperation.Deleted,
    };

    /// <summary>The change a committed write produced, now that the feed gave it <paramref name="sequence"/>.</summary>
    public static ChangeRecord ToRecord(PendingChange pending, long sequence) =>
        new(
            sequence,
            pending.Collection,
            pending.DocumentId,
            pending.Operation,
            pending.Version,
            pending.Before,
            pending.After,
            pending.Subject,
            pending.At);
}
