using System.Data.Common;
using CollectionStore.Domain.ChangeFeed;
using CollectionStore.Domain.Documents;

namespace CollectionStore.Domain.Store;

/// <summary>How every store provider writes a change in its change-feed table and reads it back.</summary>
internal static class ChangeFeedRows
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

    /// <summary>
    /// Reads a row of <c>sequence, collection, doc_id, operation, version, before, after, subject, at</c>, the column
    /// order both providers select.
    /// </summary>
    public static ChangeRecord Read(DbDataReader reader)
    {
        var collection = reader.GetString(1);
        return new ChangeRecord(
            reader.GetInt64(0),
            collection,
            reader.GetString(2),
            Parse(reader.GetString(3)),
            reader.GetInt64(4),
            reader.IsDBNull(5) ? null : DocumentJson.Deserialize(collection, reader.GetString(5)),
            reader.IsDBNull(6) ? null : DocumentJson.Deserialize(collection, reader.GetString(6)),
            reader.IsDBNull(7) ? null : reader.GetString(7),
            DateTimeFormat.Parse(reader.GetString(8)));
    }
}
