using CollectionStore.Domain.ChangeFeed;
using CollectionStore.Domain.Documents;
using Microsoft.Data.Sqlite;

namespace CollectionStore.Domain.Store.Sqlite;

/// <summary>
/// Reads and prunes <c>cs_changes</c>. The last assigned sequence lives in <c>cs_meta</c>, not in the table, so pruning
/// every row never restarts the numbering.
/// </summary>
internal sealed class SqliteChangeFeed(SqliteDatabase database, SqliteWriteCoordinator writer, SqliteStoreOptions options, TimeProvider time)
{
    public async Task<IReadOnlyList<ChangeRecord>> ReadAsync(long afterSequence, int maxCount, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxCount);
        await using var connection = await database.OpenReaderAsync(cancellationToken);
        await using var command = database.Command(
            connection,
            "SELECT sequence, collection, doc_id, operation, version, before, after, subject, at FROM cs_changes WHERE sequence > @after ORDER BY sequence LIMIT @max;",
            [("@after", afterSequence), ("@max", maxCount)]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var changes = new List<ChangeRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            changes.Add(ChangeFeedRows.Read(reader));
        }

        return changes;
    }

    public async Task<long> GetLatestSequenceAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenReaderAsync(cancellationToken);
        return await LatestAsync(connection, cancellationToken);
    }

    public async Task<long> GetOldestRetainedSequenceAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenReaderAsync(cancellationToken);

        // One statement, so the oldest row and the latest sequence come from the same snapshot.
        var value = await database.ScalarAsync(
            connection,
            "SELECT COALESCE((SELECT MIN(sequence) FROM cs_changes), (SELECT value + 1 FROM cs_meta WHERE key = 'last_sequence'));",
            cancellationToken);
        return (long)value!;
    }

    /// <summary>Deletes rows older than the retention age and all but the newest retention count; returns how many.</summary>
    public Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        var cutoff = DateTimeFormat.Format(time.GetUtcNow() - options.RetentionMaxAge);
        return writer.RunExclusiveAsync(
            async ct =>
            {
                var latest = await LatestAsync(database.Writer, ct);
                return await database.ExecuteAsync(
                    database.Writer,
                    "DELETE FROM cs_changes WHERE at < @cutoff OR sequence <= @keep_after;",
                    ct,
                    ("@cutoff", cutoff),
                    ("@keep_after", latest - options.RetentionMaxCount));
            },
            cancellationToken);
    }

    private async Task<long> LatestAsync(SqliteConnection connection, CancellationToken cancellationToken) =>
        (long)(await database.ScalarAsync(connection, "SELECT value FROM cs_meta WHERE key = 'last_sequence';", cancellationToken))!;
}
