using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace CollectionStore.Authorization.Identity.Store;

/// <summary>
/// The identity tables in the document store's SQLite file. Writes run on one dedicated writer connection inside
/// <c>BEGIN IMMEDIATE</c>, which takes SQLite's write lock and so also serialises other connections (such as the
/// document store's); reads use pooled connections.
/// </summary>
internal sealed class SqliteIdentityDatabase : IIdentityDatabase
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteConstraint = 19;

    private readonly string _connectionString;
    private readonly SqliteConnection _writer;

    private SqliteIdentityDatabase(string connectionString, SqliteConnection writer)
    {
        _connectionString = connectionString;
        _writer = writer;
    }

    public string UsernameContainsFilter => "instr(username_normalized, @contains) > 0";

    public string HasRoleFilter => "EXISTS (SELECT 1 FROM json_each(cs_users.roles) AS r WHERE r.value = @role)";

    /// <summary>Opens the database at <paramref name="connectionString"/> and creates the identity tables when missing.</summary>
    public static async Task<SqliteIdentityDatabase> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        // Microsoft.Data.Sqlite retries a busy statement itself for the command timeout (seconds; 0 means forever).
        var normalized = new SqliteConnectionStringBuilder(connectionString) { DefaultTimeout = 5 }.ToString();
        var writer = new SqliteConnection(normalized);
        try
        {
            await writer.OpenAsync(cancellationToken);

            // Same durability as the document store: WAL, and an fsync on every commit so an acknowledged
            // revocation or audit entry survives a crash or power loss.
            await Sql.ExecuteAsync(writer, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000;", cancellationToken);
            await Sql.ExecuteAsync(writer, SqliteIdentitySchema.Create, cancellationToken);
            return new SqliteIdentityDatabase(normalized, writer);
        }
        catch
        {
            await writer.DisposeAsync();
            throw;
        }
    }

    public async Task<DbConnection> OpenReadConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async Task<DbConnection> BeginWriteAsync(CancellationToken cancellationToken)
    {
        await Sql.ExecuteAsync(_writer, "BEGIN IMMEDIATE;", cancellationToken);
        return _writer;
    }

    /// <summary>The writer connection stays open for the next transaction.</summary>
    public ValueTask ReleaseWriteConnectionAsync(DbConnection connection) => ValueTask.CompletedTask;

    public bool IsBusy(Exception exception) => exception is SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked };

    /// <summary>A local file is never "unreachable"; its errors surface as they are.</summary>
    public bool IsUnavailable(Exception exception) => false;

    public bool IsUsernameConflict(DbException exception) =>
        exception is SqliteException { SqliteErrorCode: SqliteConstraint }
        && exception.Message.Contains("cs_users.username_normalized", StringComparison.Ordinal);

    public async ValueTask DisposeAsync()
    {
        await _writer.DisposeAsync();
        using var forPool = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(forPool);
    }
}
