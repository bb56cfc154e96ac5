using Microsoft.Data.Sqlite;

namespace CollectionStore.Domain.Store.Sqlite;

/// <summary>
/// The store's connections: one long-lived writer connection (used only under the store's writer lock) and pooled
/// reader connections opened per read, which WAL lets run while a write is in progress. Every command is created
/// here so <see cref="StatementCount"/> counts each SQL statement the store executes.
/// </summary>
internal sealed class SqliteDatabase : IAsyncDisposable
{
    private readonly string _connectionString;
    private long _statements;

    private SqliteDatabase(string connectionString, SqliteConnection writer)
    {
        _connectionString = connectionString;
        Writer = writer;
    }

    /// <summary>The writer connection; callers must hold the store's writer lock.</summary>
    public SqliteConnection Writer { get; }

    public long StatementCount => Interlocked.Read(ref _statements);

    public static async Task<SqliteDatabase> OpenAsync(SqliteStoreOptions options, CancellationToken cancellationToken)
    {
        var builder = new SqliteConnectionStringBuilder(options.ConnectionString)
        {
            // Microsoft.Data.Sqlite retries busy statements itself until this many seconds pass (0 would mean forever).
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(options.BusyTimeout.TotalSeconds)),
        };
        var connectionString = builder.ToString();
        var writer = new SqliteConnection(connectionString);
        try
        {
            await writer.OpenAsync(cancellationToken);

            // WAL: readers never block the writer nor the writer them. synchronous=FULL fsyncs the WAL on every
            // commit, so an acknowledged write survives a process kill and an OS crash or power loss alike
            // (NORMAL would survive only the former). busy_timeout makes a second process wait for the write lock.
            await PragmaAsync(writer, "PRAGMA journal_mode = WAL;", cancellationToken);
            await PragmaAsync(writer, "PRAGMA synchronous = FULL;", cancellationToken);
            await PragmaAsync(writer, $"PRAGMA busy_timeout = {(long)options.BusyTimeout.TotalMilliseconds};", cancellationToken);
            return new SqliteDatabase(connectionString, writer);
        }
        catch
        {
            await writer.DisposeAsync();
            throw;
        }
    }

    public async Task<SqliteConnection> OpenReaderAsync(CancellationToken cancellationToken)
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

    /// <summary>Creates a command that will run once; it counts as one executed statement.</summary>
    public SqliteCommand Command(
        SqliteConnection connection,
        string sql,
        IEnumerable<(string Name, object? Value)>? parameters = null,
        SqliteTransaction? transaction = null)
    {
        Interlocked.Increment(ref _statements);
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters ?? [])
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    public async Task<int> ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<object?> ScalarAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is DBNull ? null : value;
    }

    public async ValueTask DisposeAsync()
    {
        await Writer.DisposeAsync();

        // Pooled reader handles would keep the file open after the store is gone.
        using var forPool = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(forPool);
    }

    private static async Task PragmaAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
