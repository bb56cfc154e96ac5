using System.Data.Common;
using CollectionStore.Authorization.Audit;
using CollectionStore.Domain.Documents;

namespace CollectionStore.Authorization.Identity.Store;

/// <summary>Rows of <c>cs_audit</c>: appended only, read newest first for listings or in order for verification.</summary>
internal static class AuditRows
{
    public const string Columns = "sequence, at, kind, subject_id, session_id, address, protocol, origin, detail, previous_hash, hash";

    private const string Insert = """
        INSERT INTO cs_audit (sequence, at, kind, subject_id, session_id, address, protocol, origin, detail, previous_hash, hash)
        VALUES (@sequence, @at, @kind, @subject_id, @session_id, @address, @protocol, @origin, @detail, @previous_hash, @hash);
        """;

    public static async Task<AuditTail> ReadTailAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var tail = await Sql.SingleOrDefaultAsync(
            connection,
            "SELECT sequence, hash FROM cs_audit ORDER BY sequence DESC LIMIT 1;",
            r => new AuditTail(r.GetInt64(0), r.GetString(1)),
            cancellationToken);
        return tail ?? new AuditTail(0, AuditChain.Genesis);
    }

    public static Task InsertAsync(DbConnection connection, AuditEntry entry, CancellationToken cancellationToken) =>
        Sql.ExecuteAsync(
            connection,
            Insert,
            cancellationToken,
            ("@sequence", entry.Sequence),
            ("@at", DateTimeFormat.Format(entry.At)),
            ("@kind", entry.Kind),
            ("@subject_id", entry.SubjectId),
            ("@session_id", entry.SessionId),
            ("@address", entry.Address),
            ("@protocol", entry.Protocol),
            ("@origin", entry.Origin),
            ("@detail", entry.Detail),
            ("@previous_hash", entry.PreviousHash),
            ("@hash", entry.Hash));

    /// <summary>Maps a row selected with <see cref="Columns"/>.</summary>
    public static AuditEntry Read(DbDataReader reader) => new(
        reader.GetInt64(0),
        DateTimeFormat.Parse(reader.GetString(1)),
        reader.GetString(2),
        Sql.NullableString(reader, 3),
        Sql.NullableString(reader, 4),
        Sql.NullableString(reader, 5),
        Sql.NullableString(reader, 6),
        Sql.NullableString(reader, 7),
        Sql.NullableString(reader, 8),
        reader.GetString(9),
        reader.GetString(10));
}
