using System.Data.Common;
using CollectionStore.Domain.Store;
using CollectionStore.Domain.Store.Postgres;
using Npgsql;

namespace CollectionStore.Authorization.Identity.Store;

/// <summary>
/// The built-in identity provider's storage: users, sessions, used refresh-token hashes and the audit log, kept as
/// <c>cs_</c> system tables in the store's database, SQLite (<see cref="OpenSqliteAsync"/>) or PostgreSQL
/// (<see cref="OpenPostgresAsync"/>), with the same statements on both. Every write is one transaction holding the
/// database's identity write lock (serialised in this process as well), retried a bounded number of times while the
/// lock stays taken, so a change and the audit entry that records it commit or roll back together. A database that
/// cannot be reached surfaces as <see cref="StoreUnavailableException"/>.
/// </summary>
public sealed class IdentityStore : IAsyncDisposable
{
    private const int BusyRetries = 5;
    private static readonly TimeSpan BusyRetryDelay = TimeSpan.FromMilliseconds(50);

    private readonly SemaphoreSlim _writeLock = new(1, 1);

    private IdentityStore(IIdentityDatabase database, TimeProvider time)
    {
        Database = database;
        Time = time;
    }

    internal TimeProvider Time { get; }

    internal IIdentityDatabase Database { get; }

    /// <summary>Opens the SQLite database at <paramref name="connectionString"/> and creates the identity tables when missing.</summary>
    public static async Task<IdentityStore> OpenSqliteAsync(string connectionString, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentNullException.ThrowIfNull(time);
        var database = await SqliteIdentityDatabase.OpenAsync(connectionString, cancellationToken);
        return new IdentityStore(database, time);
    }

    /// <summary>
    /// Creates the identity tables in the PostgreSQL database of <paramref name="dataSource"/> when missing. The data
    /// source stays the caller's: the store neither creates nor disposes it.
    /// </summary>
    public static async Task<IdentityStore> OpenPostgresAsync(NpgsqlDataSource dataSource, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(time);
        IIdentityDatabase database;
        try
        {
            database = await PostgresIdentityDatabase.OpenAsync(dataSource, cancellationToken);
        }
        catch (Exception ex) when (PostgresErrors.IsUnavailable(ex))
        {
            throw Unavailable(ex);
        }

        return new IdentityStore(database, time);
    }

    public async ValueTask DisposeAsync()
    {
        await _writeLock.WaitAsync();
        try
        {
            await Database.DisposeAsync();
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
                catch (Exception ex) when (Database.IsBusy(ex))
                {
                    if (attempt >= BusyRetries)
                    {
                        throw new StoreBusyException($"The identity store stayed busy after {attempt + 1} attempts.", ex);
                    }

                    await Task.Delay(BusyRetryDelay, cancellationToken);
                }
                catch (Exception ex) when (Database.IsUnavailable(ex))
                {
                    // Not retried: a connection lost during COMMIT leaves open whether the change was applied.
                    throw Unavailable(ex);
                }
            }
        }
        finally
        {
            _writeLock.Release();
        }
    }

    internal async Task<T> ReadAsync<T>(Func<DbConnection, CancellationToken, Task<T>> body, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await Database.OpenReadConnectionAsync(cancellationToken);
            return await body(connection, cancellationToken);
        }
        catch (Exception ex) when (Database.IsUnavailable(ex))
        {
            throw Unavailable(ex);
        }
    }

    private static StoreUnavailableException Unavailable(Exception inner) =>
        new("The identity store's database cannot be reached.", inner);

    private async Task<T> RunTransactionAsync<T>(Func<IdentityTransaction, CancellationToken, Task<T>> body, CancellationToken cancellationToken)
    {
        var connection = await Database.BeginWriteAsync(cancellationToken);
        try
        {
            var result = await body(new IdentityTransaction(connection, Time.GetUtcNow()), cancellationToken);
            await Sql.ExecuteAsync(connection, "COMMIT;", cancellationToken);
            return result;
        }
        catch
        {
            await Sql.TryRollBackAsync(connection);
            throw;
        }
        finally
        {
            await Database.ReleaseWriteConnectionAsync(connection);
        }
    }
}
