using System.Data.Common;
using CollectionStore.Authorization.Identity.Store;

namespace CollectionStore.Authorization.Audit;

/// <summary>
/// Recomputes the audit chain from the first entry in one read snapshot and reports the first entry that is out of
/// sequence, does not link to the entry before it, does not match its own hash, or cannot be read at all.
/// </summary>
internal static class AuditVerifier
{
    public static async Task<AuditVerification> VerifyAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(connection, $"SELECT {AuditRows.Columns} FROM cs_audit ORDER BY sequence;");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var previousHash = AuditChain.Genesis;
        var expectedSequence = 1L;
        var checkedCount = 0L;
        while (await reader.ReadAsync(cancellationToken))
        {
            var sequence = reader.GetInt64(0);
            var problem = Check(reader, sequence, expectedSequence, previousHash, out var hash);
            if (problem is not null)
            {
                return new AuditVerification(Valid: false, checkedCount, sequence, problem);
            }

            checkedCount++;
            previousHash = hash;
            expectedSequence = sequence + 1;
        }

        return new AuditVerification(Valid: true, checkedCount, FirstBrokenSequence: null, Problem: null);
    }

    private static string? Check(DbDataReader reader, long sequence, long expectedSequence, string previousHash, out string hash)
    {
        hash = string.Empty;
        if (sequence != expectedSequence)
        {
            return $"Entry {sequence} follows entry {expectedSequence - 1}: entries in between are missing.";
        }

        AuditEntry entry;
        try
        {
            entry = AuditRows.Read(reader);
        }
        catch (Exception ex) when (ex is FormatException or InvalidCastException)
        {
            return $"Entry {sequence} cannot be read: {ex.Message}";
        }

        if (!string.Equals(entry.PreviousHash, previousHash, StringComparison.Ordinal))
        {
            return $"Entry {sequence} does not link to the entry before it.";
        }

        if (!string.Equals(AuditChain.ComputeHash(entry), entry.Hash, StringComparison.Ordinal))
        {
            return $"Entry {sequence} does not match its hash: its contents were changed.";
        }

        hash = entry.Hash;
        return null;
    }
}
