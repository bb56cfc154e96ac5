using CollectionStore.Domain.ChangeFeed;
using CollectionStore.Domain.Documents;
using Npgsql;

namespace CollectionStore.Domain.Store.Postgres;

/// <summary>
/// Runs every write as one READ COMMITTED transaction that changes the document and then appends its change-feed row.
/// The feed position comes from the single row <c>cs_meta.last_sequence</c>, incremented in the transaction's last
/// statement: its row lock is held until COMMIT, so writers on every node take positions one at a time and commit in
/// position order. A reader that has seen position N can therefore never later see a newly committed change below N
/// (PostgreSQL sequences give no such guarantee). The lock is held only from the last statement to the commit.
/// Within this process only that tail (position, COMMIT, raising the change) runs one write at a time, so listeners
/// are raised after COMMIT in sequence order while the document phases of concurrent writes overlap; a write that rolls
/// back raises nothing.
/// </summary>
internal sealed class PostgresWriteCoordinator(PostgresDatabase database, PostgresStoreOptions options, ChangeNotifier notifier) : IDisposable
{
    private const string AppendChange = """
        WITH next AS (UPDATE cs_meta SET value = value + 1 WHERE key = 'last_sequence' RETURNING value),
        appended AS (
            INSERT INTO cs_changes (sequence, collection, doc_id, operation, version, before, after, subject, at)
            SELECT next.value, @collection, @doc_id, @operation, @version, @before, @after, @subject, @at FROM next
            RETURNING sequence)
        """;

    private const string ReturnSequence = AppendChange + "SELECT sequence FROM appended;";

    // NOTIFY inside the transaction: PostgreSQL delivers it at COMMIT, never for a rollback.
    private const string ReturnSequenceAndNotify = AppendChange + "SELECT sequence, pg_notify(@channel, sequence::text) FROM appended;";

    // Held only from taking the feed position to raising the change: the row lock already serialises that span across
    // nodes, and holding this too keeps this process's listeners in position order. The document phase runs concurrently.
    private readonly SemaphoreSlim _tail = new(1, 1);

    /// <summary>
    /// Runs <paramref name="write"/> inside a write transaction and commits it with its change-feed row, retrying from
    /// the start after a deadlock or serialization failure. A database that cannot be reached, or drops the
    /// connection, ends the write with <see cref="StoreUnavailableException"/>.
    /// </summary>
    public async Task<WriteResult> WriteAsync(Func<NpgsqlConnection, CancellationToken, Task<PendingChange>> write, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await RunTransactionAsync(write, cancellationToken);
            }
            catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure)
            {
                if (attempt >= options.TransientRetryCount)
                {
                    throw new StoreBusyException($"The store stayed contended after {attempt + 1} attempts.", ex);
                }

                await Task.Delay(options.TransientRetryDelay, cancellationToken);
            }
            catch (Exception ex) when (PostgresErrors.IsUnavailable(ex))
            {
                throw PostgresDatabase.Unavailable(ex);
            }
        }
    }

    public void Dispose() => _tail.Dispose();

    private async Task<WriteResult> RunTransactionAsync(Func<NpgsqlConnection, CancellationToken, Task<PendingChange>> write, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.ReadCommitted, cancellationToken);
        var pending = await write(connection, cancellationToken);
        await _tail.WaitAsync(cancellationToken);
        try
        {
            // The position and COMMIT travel in one round trip: the position row's lock is held for no more than that.
            // Once COMMIT is sent its outcome must not depend on the caller giving up.
            var change = await AppendAndCommitAsync(connection, pending, CancellationToken.None);
            notifier.Raise(change);
            return new WriteResult((change.After ?? change.Before)!, change);
        }
        finally
        {
            _tail.Release();
        }
    }

    private async Task<ChangeRecord> AppendAndCommitAsync(NpgsqlConnection connection, PendingChange pending, CancellationToken cancellationToken)
    {
        var parameters = new List<(string Name, object? Value)>
        {
            ("@collection", pending.Collection),
            ("@doc_id", pending.DocumentId),
            ("@operation", ChangeFeedRows.Name(pending.Operation)),
            ("@version", pending.Version),
            ("@before", pending.Before is null ? null : DocumentJson.Serialize(pending.Before)),
            ("@after", pending.After is null ? null : DocumentJson.Serialize(pending.After)),
            ("@subject", pending.Subject),
            ("@at", DateTimeFormat.Format(pending.At)),
        };
        if (options.NotifyChannel is { } channel)
        {
            parameters.Add(("@channel", channel));
        }

        await using var batch = database.Batch(connection, (options.NotifyChannel is null ? ReturnSequence : ReturnSequenceAndNotify, parameters), ("COMMIT;", []));
        long sequence;
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            sequence = reader.GetInt64(0);

            // Reading to the end surfaces an error of the COMMIT itself.
            while (await reader.NextResultAsync(cancellationToken))
            {
            }
        }

        return ChangeFeedRows.ToRecord(pending, sequence);
    }
}
