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
/// Within this process writes run one at a time (a semaphore), so listeners are raised after COMMIT in sequence order;
/// a write that rolls back raises nothing.
/// </summary>
internal sealed class PostgresWriteCoordinator(PostgresDatabase database, PostgresStoreOptions options, ChangeNotifier notifier) : IDisposable
{
    private const string AppendChange = """
        WITH next AS (UPDATE cs_meta SET value = value + 1 WHERE key = 'last_sequence' RETURNING value)
        INSERT INTO cs_changes (sequence, collection, doc_id, operation, version, before, after, subject, at)
        SELECT next.value, @collection, @doc_id, @operation, @version, @before, @after, @subject, @at FROM next
        RETURNING sequence;
        """;

    private readonly SemaphoreSlim _writer = new(1, 1);

    /// <summary>Runs <paramref name="write"/> inside a write transaction and commits it with its change-feed row.</summary>
    public Task<WriteResult> WriteAsync(Func<NpgsqlConnection, CancellationToken, Task<PendingChange>> write, CancellationToken cancellationToken) =>
        RunExclusiveAsync(
            async (connection, ct) =>
            {
                var pending = await write(connection, ct);
                var change = await AppendChangeAsync(connection, pending, ct);
                return new WriteResult((change.After ?? change.Before)!, change);
            },
            cancellationToken,
            r => notifier.Raise(r.Change));

    /// <summary>
    /// Runs <paramref name="body"/> in a transaction, retrying from the start after a deadlock or serialization
    /// failure, and calls <paramref name="afterCommit"/> before the next write of this process may start. A database
    /// that cannot be reached, or drops the connection, ends the write with <see cref="StoreUnavailableException"/>.
    /// </summary>
    public async Task<T> RunExclusiveAsync<T>(Func<NpgsqlConnection, CancellationToken, Task<T>> body, CancellationToken cancellationToken, Action<T>? afterCommit = null)
    {
        await _writer.WaitAsync(cancellationToken);
        try
        {
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    var result = await RunTransactionAsync(body, cancellationToken);
                    afterCommit?.Invoke(result);
                    return result;
                }
                catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure)
                {
                    if (attempt >= options.TransientRetryCount)
                    {
                        throw new StoreBusyException($"The store stayed contended after {attempt + 1} attempts.", ex);
                    }

                    await Task.Delay(options.TransientRetryDelay, cancellationToken);
                }
                catch (Exception ex) when (PostgresDatabase.IsUnavailable(ex))
                {
                    throw PostgresDatabase.Unavailable(ex);
                }
            }
        }
        finally
        {
            _writer.Release();
        }
    }

    public void Dispose() => _writer.Dispose();

    private async Task<T> RunTransactionAsync<T>(Func<NpgsqlConnection, CancellationToken, Task<T>> body, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.ReadCommitted, cancellationToken);
        var result = await body(connection, cancellationToken);

        // Once COMMIT is sent its outcome must not depend on the caller giving up.
        await transaction.CommitAsync(CancellationToken.None);
        return result;
    }

    private async Task<ChangeRecord> AppendChangeAsync(NpgsqlConnection connection, PendingChange pending, CancellationToken cancellationToken)
    {
        var sequence = (long)(await database.ScalarAsync(
            connection,
            AppendChange,
            cancellationToken,
            ("@collection", pending.Collection),
            ("@doc_id", pending.DocumentId),
            ("@operation", ChangeFeedRows.Name(pending.Operation)),
            ("@version", pending.Version),
            ("@before", pending.Before is null ? null : DocumentJson.Serialize(pending.Before)),
            ("@after", pending.After is null ? null : DocumentJson.Serialize(pending.After)),
            ("@subject", pending.Subject),
            ("@at", DateTimeFormat.Format(pending.At))))!;
        if (options.NotifyChannel is { } channel)
        {
            await database.ExecuteAsync(connection, "SELECT pg_notify(@channel, @payload);", cancellationToken, ("@channel", channel), ("@payload", sequence.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return ChangeFeedRows.ToRecord(pending, sequence);
    }
}
