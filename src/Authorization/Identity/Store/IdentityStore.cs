using CollectionStore.Domain.Store;
using Microsoft.Data.Sqlite;

namespace CollectionStore.Authorization.Identity.Store;

/// <summary>
/// The built-in identity provider's storage: users, sessions, used refresh-token hashes and the audit log, kept as
/// <c>cs_</c> system tables in the document store's SQLite file. Every write is one <c>BEGIN IMMEDIATE</c>
/// transaction on a single writer connection (serialised in this process; SQLite's write lock serialises other
/// connections, such as the document store's), retried a bounded number of times while the file is busy, so a
/// change and the audit entry that records it commit or roll back together. Reads use pooled connections.
/// </summary>
public sealed class SqliteIdentityStore : IAsyncDisposable
{
    private const int BusyRetries = 5;
    private static readonly TimeSpan BusyRetryDelay = TimeSpan.FromMilliseconds(50);

    private readonly string _connectionString;
    private readonly SqliteConnection _writer;
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    private SqliteIdentityStore(string connectionString, SqliteConnection writer, TimeProvider time)
    {
        _connectionString = connectionString;
        _writer = writer;
        Time = time;
    }

    internal TimeProvider Time { get; }

    /// <summary>Opens the database at <paramref name="connectionString"/> and creates the identity tables when missing.</summary>
    public static async Task<SqliteIdentityStore> OpenAsync(string connectionString, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentNullException.ThrowIfNull(time);

        // Microsoft.Data.Sqlite retries a busy statement itself for the command timeout (seconds; 0 means forever).
        var normalized = new SqliteConnectionStringBuilder(connectionString) { DefaultTimeout = 5 }.ToString();
        var writer = new SqliteConnection(normalized);
        try
        {
            await writer.OpenAsync(cancellationToken);

            // Same durability as the document store: WAL, and an fsync on every commit so an acknowledged
            // revocation or audit entry survives a crash or power loss.
            await Sql.ExecuteAsync(writer, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000;", cancellationToken);
            await Sql.ExecuteAsync(writer, IdentitySchema.Create, cancellationToken);
            return new SqliteIdentityStore(normalized, writer, time);
        }
        catch
        {
            await writer.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _writeLock.WaitAsync();
        try
        {
            await _writer.DisposeAsync();
            using var forPool = new SqliteConnection(_connectionString);
            SqliteConnection.ClearPool(forPool);
        }
        finally
        {
            _writeLock.Release();
            _writeLock.Dispose();
        }
    }

    /// <summary>
    /// Runs <paramref name="body"/> in one write transaction and commits it. A busy database restarts the whole body
    /// (so it must not have side effects outside the transaction); an exception from the body rolls everything back.
    /// </summary>
    internal async Task<T> WriteAsync<T>(Func<IdentityTransaction, CancellationToken, Task<T>> body, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    return await RunTransactionAsync(body, cancellationToken);
                }
                catch (SqliteException ex) when (ex.SqliteErrorCode is 5 or 6)
                {
                    if (attempt >= BusyRetries)
                    {
                        throw new StoreBusyException($"The identity store stayed busy after {attempt + 1} attempts.", ex);
                    }

                    await Task.Delay(BusyRetryDelay, cancellationToken);
                }
            }
        }
        finally
        {
            _writeLock.Release();
        }
    }

    internal async Task<T> ReadAsync<T>(Func<SqliteConnection, CancellationToken, Task<T>> body, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return await body(connection, cancellationToken);
    }

    private async Task<T> RunTransactionAsync<T>(Func<IdentityTransaction, CancellationToken, Task<T>> body, CancellationToken cancellationToken)
    {
        await Sql.ExecuteAsync(_writer, "BEGIN IMMEDIATE;", cancellationToken);
        try
        {
            var result = await body(new IdentityTransaction(_writer, Time.GetUtcNow()), cancellationToken);
            await Sql.ExecuteAsync(_writer, "COMMIT;", cancellationToken);
            return result;
        }
        catch
        {
            try
            {
                await Sql.ExecuteAsync(_writer, "ROLLBACK;", CancellationToken.None);
            }
            catch (SqliteException)
            {
                // SQLite already ended the transaction (it does on some errors); nothing is left to undo.
            }

            throw;
        }
    }
}
