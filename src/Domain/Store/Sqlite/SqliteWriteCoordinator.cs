using CollectionStore.Domain.ChangeFeed;
using CollectionStore.Domain.Documents;
using Microsoft.Data.Sqlite;

namespace CollectionStore.Domain.Store.Sqlite;

/// <summary>
/// Runs every write as one <c>BEGIN IMMEDIATE</c> transaction that changes the document and appends its change-feed
/// row with the next sequence. One writer at a time in this process (a semaphore); other processes on the same file are
/// serialised by SQLite's write lock, and the sequence is read and advanced under that lock, so it stays gap-free and in
/// commit order across processes. Listeners are raised after COMMIT while the semaphore is still held, so they observe
/// this process's changes in sequence order; a write that rolls back raises nothing.
/// </summary>
internal sealed class SqliteWriteCoordinator(SqliteDatabase database, SqliteStoreOptions options, ChangeNotifier notifier) : IDisposable
{
    private const string NextSequence = "UPDATE cs_meta SET value = value + 1 WHERE key = 'last_sequence' RETURNING value;";

    private const string InsertChange = """
        INSERT INTO cs_changes (sequence, collection, doc_id, operation, version, before, after, subject, at)
        VALUES (@sequence, @collection, @doc_id, @operation, @version, @before, @after, @subject, @at);
        """;

    private readonly SemaphoreSlim _writer = new(1, 1);

    /// <summary>Runs <paramref name="write"/> inside a write transaction and commits it with its change-feed row.</summary>
    public async Task<WriteResult> WriteAsync(Func<SqliteConnection, CancellationToken, Task<PendingChange>> write, CancellationToken cancellationToken)
    {
        var result = await RunExclusiveAsync(
            async ct =>
            {
                var pending = await write(database.Writer, ct);
                var change = await AppendChangeAsync(pending, ct);
                return new WriteResult((change.After ?? change.Before)!, change);
            },
            cancellationToken,
            r => notifier.Raise(r.Change));
        return result;
    }

    /// <summary>
    /// Runs <paramref name="body"/> in a transaction under the writer lock, retrying from the start while the database is
    /// busy, and calls <paramref name="afterCommit"/> before the lock is released.
    /// </summary>
    public async Task<T> RunExclusiveAsync<T>(Func<CancellationToken, Task<T>> body, CancellationToken cancellationToken, Action<T>? afterCommit = null)
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
                catch (SqliteException ex) when (SqliteErrors.IsBusy(ex))
                {
                    if (attempt >= options.BusyRetryCount)
                    {
                        throw new StoreBusyException(
                            $"The store stayed busy after {attempt + 1} attempts; another process holds its write lock.", ex);
                    }

                    await Task.Delay(options.BusyRetryDelay, cancellationToken);
                }
            }
        }
        finally
        {
            _writer.Release();
        }
    }

    public void Dispose() => _writer.Dispose();

    private async Task<T> RunTransactionAsync<T>(Func<CancellationToken, Task<T>> body, CancellationToken cancellationToken)
    {
        var connection = database.Writer;
        await database.ExecuteAsync(connection, "BEGIN IMMEDIATE;", cancellationToken);
        try
        {
            var result = await body(cancellationToken);
            await database.ExecuteAsync(connection, "COMMIT;", cancellationToken);
            return result;
        }
        catch
        {
            await RollbackAsync(connection);
            throw;
        }
    }

    private async Task RollbackAsync(SqliteConnection connection)
    {
        try
        {
            await database.ExecuteAsync(connection, "ROLLBACK;", CancellationToken.None);
        }
        catch (SqliteException)
        {
            // SQLite already ended the transaction (it does on some errors); there is nothing left to undo.
        }
    }

    private async Task<ChangeRecord> AppendChangeAsync(PendingChange pending, CancellationToken cancellationToken)
    {
        var sequence = (long)(await database.ScalarAsync(database.Writer, NextSequence, cancellationToken))!;
        await database.ExecuteAsync(
            database.Writer,
            InsertChange,
            cancellationToken,
            ("@sequence", sequence),
            ("@collection", pending.Collection),
            ("@doc_id", pending.DocumentId),
            ("@operation", ChangeFeedRows.Name(pending.Operation)),
            ("@version", pending.Version),
            ("@before", pending.Before is null ? null : DocumentJson.Serialize(pending.Before)),
            ("@after", pending.After is null ? null : DocumentJson.Serialize(pending.After)),
            ("@subject", pending.Subject),
            ("@at", DateTimeFormat.Format(pending.At)));
        return ChangeFeedRows.ToRecord(pending, sequence);
    }
}
