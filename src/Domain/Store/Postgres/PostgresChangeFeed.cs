using CollectionStore.Domain.ChangeFeed;
using CollectionStore.Domain.Documents;
using Npgsql;

namespace CollectionStore.Domain.Store.Postgres;

/// <summary>
/// Reads and prunes <c>cs_changes</c> on PostgreSQL. The last assigned position lives in <c>cs_meta</c>, not in the
/// table, so pruning every row never restarts the numbering; each read is one statement, so it sees one snapshot.
/// </summary>
internal sealed class PostgresChangeFeed(PostgresDatabase database, PostgresStoreOptions options, TimeProvider time)
{
    public Task<IReadOnlyList<ChangeRecord>> ReadAsync(long afterSequence, int maxCount, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxCount);
        return database.ReadAsync<IReadOnlyList<ChangeRecord>>(
            async (connection, ct) =>
            {
                await using var command = database.Command(
                    connection,
                    "SELECT sequence, collection, doc_id, operation, version, before, after, subject, at FROM cs_changes WHERE sequence > @after ORDER BY sequence LIMIT @max;",
                    [("@after", afterSequence), ("@max", (long)maxCount)]);
                await using var reader = await command.ExecuteReaderAsync(ct);
                var changes = new List<ChangeRecord>();
                while (await reader.ReadAsync(ct))
                {
                    changes.Add(ChangeFeedRows.Read(reader));
                }

                return changes;
            },
            cancellationToken);
    }

    public Task<long> GetLatestSequenceAsync(CancellationToken cancellationToken) =>
        ScalarAsync("SELECT value FROM cs_meta WHERE key = 'last_sequence';", cancellationToken);

    public Task<long> GetOldestRetainedSequenceAsync(CancellationToken cancellationToken) =>
        ScalarAsync(
            "SELECT COALESCE((SELECT MIN(sequence) FROM cs_changes), (SELECT value + 1 FROM cs_meta WHERE key = 'last_sequence'));",
            cancellationToken);

    /// <summary>Deletes rows older than the retention age and all but the newest retention count; returns how many.</summary>
    public Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        var cutoff = DateTimeFormat.Format(time.GetUtcNow() - options.RetentionMaxAge);
        return database.ReadAsync(
            (connection, ct) => database.ExecuteAsync(
                connection,
                "DELETE FROM cs_changes WHERE at < @cutoff OR sequence <= (SELECT value FROM cs_meta WHERE key = 'last_sequence') - @keep;",
                ct,
                ("@cutoff", cutoff),
                ("@keep", options.RetentionMaxCount)),
            cancellationToken);
    }

    private Task<long> ScalarAsync(string sql, CancellationToken cancellationToken) =>
        database.ReadAsync(async (connection, ct) => (long)(await database.ScalarAsync(connection, sql, ct))!, cancellationToken);
}
