using System.Data.Common;
using CollectionStore.Domain.Store.Postgres;
using Npgsql;

namespace CollectionStore.Authorization.Identity.Store;

/// <summary>
/// The identity tables in a PostgreSQL database that every node reaches. Connections come from the process's one
/// <see cref="NpgsqlDataSource"/>, shared with the document store and owned by the caller. Each write transaction
/// takes the <see cref="PostgresLocks.IdentityWrite"/> advisory lock first, so identity writes of all nodes are
/// serialised and the audit chain's tail is read by one writer at a time; waiting for the lock is bounded like
/// SQLite's busy timeout.
/// </summary>
internal sealed class PostgresIdentityDatabase : IIdentityDatabase
{
    // READ COMMITTED on purpose: every statement after the lock sees what the previous holder committed. A snapshot
    // taken before the lock (REPEATABLE READ or SERIALIZABLE, perhaps a server default) could miss the chain's tail.
    private static readonly string BeginWrite =
        $"BEGIN ISOLATION LEVEL READ COMMITTED; SET LOCAL lock_timeout = '5s'; SELECT pg_advisory_xact_lock({PostgresLocks.IdentityWrite});";

    private readonly NpgsqlDataSource _dataSource;

    private PostgresIdentityDatabase(NpgsqlDataSource dataSource) => _dataSource = dataSource;

    public string UsernameContainsFilter => "strpos(username_normalized, @contains) > 0";

    public string HasRoleFilter =>
        "EXISTS (SELECT 1 FROM jsonb_array_elements_text(cs_users.roles::jsonb) AS r(value) WHERE r.value = @role)";

    /// <summary>Creates the identity tables when missing, in one transaction under the migration advisory lock.</summary>
    public static async Task<PostgresIdentityDatabase> OpenAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // Without the lock, two nodes running CREATE ... IF NOT EXISTS at once can both try to create the table.
        await Sql.ExecuteAsync(connection, $"SELECT pg_advisory_xact_lock({PostgresLocks.Migration});", cancellationToken);
        await Sql.ExecuteAsync(connection, PostgresIdentitySchema.Create, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new PostgresIdentityDatabase(dataSource);
    }

    public async Task<DbConnection> OpenReadConnectionAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    public async Task<DbConnection> BeginWriteAsync(CancellationToken cancellationToken)
    {
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            await Sql.ExecuteAsync(connection, BeginWrite, cancellationToken);
            return connection;
        }
        catch
        {
            // Returned to the pool inside a failed transaction block, the connection would fail its next user.
            await Sql.TryRollBackAsync(connection);
            await connection.DisposeAsync();
            throw;
        }
    }

    public ValueTask ReleaseWriteConnectionAsync(DbConnection connection) => connection.DisposeAsync();

    public bool IsBusy(Exception exception) => IsLockConflict(exception);

    /// <summary>The same classification as the document store's, so one outage gives one error code everywhere.</summary>
    public bool IsUnavailable(Exception exception) => PostgresErrors.IsUnavailable(exception);

    public bool IsUsernameConflict(DbException exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: "cs_users_username_normalized_key" };

    /// <summary>The data source belongs to the caller, who shares it with the document store.</summary>
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static bool IsLockConflict(Exception exception) =>
        exception is PostgresException
        {
            SqlState: PostgresErrorCodes.LockNotAvailable or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected,
        };
}
