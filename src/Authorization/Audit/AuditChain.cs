using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using CollectionStore.Domain.Documents;

namespace CollectionStore.Authorization.Audit;

/// <summary>
/// The hash chain of the audit log. Each entry's hash is SHA-256 (lower-case hex) over a canonical JSON array of
/// every stored column in table order followed by the previous entry's hash, so changing, removing or reordering
/// any row breaks the link of the row after it (and its own hash).
/// </summary>
internal static class AuditChain
{
    /// <summary>The previous hash of the very first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    public static AuditEntry Seal(long sequence, DateTimeOffset at, AuditEvent auditEvent, string previousHash)
    {
        var unsealed = new AuditEntry(
            sequence,
            at,
            auditEvent.Kind,
            auditEvent.SubjectId,
            auditEvent.SessionId,
            auditEvent.Address,
            auditEvent.Protocol,
            auditEvent.Origin,
            auditEvent.Detail?.ToJsonString(),
            previousHash,
            Hash: string.Empty);
        return unsealed with { Hash = ComputeHash(unsealed) };
    }

    /// <summary>The hash <paramref name="entry"/> must carry, computed from everything but its <see cref="AuditEntry.Hash"/>.</summary>
    public static string ComputeHash(AuditEntry entry)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            writer.WriteNumberValue(entry.Sequence);
            writer.WriteStringValue(DateTimeFormat.Format(entry.At));
            writer.WriteStringValue(entry.Kind);
            WriteNullable(writer, entry.SubjectId);
            WriteNullable(writer, entry.SessionId);
            WriteNullable(writer, entry.Address);
            WriteNullable(writer, entry.Protocol);
            WriteNullable(writer, entry.Origin);
            WriteNullable(writer, entry.Detail);
            writer.WriteStringValue(entry.PreviousHash);
            writer.WriteEndArray();
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan));
    }

    private static void WriteNullable(Utf8JsonWriter writer, string? value)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }
}
