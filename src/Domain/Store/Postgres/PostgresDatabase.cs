using Npgsql;

namespace CollectionStore.Domain.Store.Postgres;

/// <summary>
/// The document store's access to PostgreSQL: connections from the one <see cref="NpgsqlDataSource"/> of the process
/// (its pool), and every command created here so <see cref="StatementCount"/> counts each SQL statement the store
/// executes. Failures to reach the database become <see cref="StoreUnavailableException"/>.
/// </summary>
internal sealed class PostgresDatabase(NpgsqlDataSource dataSource)
{
    private long _statements;

    public NpgsqlDataSource DataSource { get; } = dataSource;

    public long StatementCount => Interlocked.Read(ref _statements);

    public static StoreUnavailableException Unavailable(Exception exception) =>
        new("The store's PostgreSQL database is unavailable; retry when it is back (a write that failed this way was not acknowledged).", exception);

    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await DataSource.OpenConnectionAsync(cancellationToken);
        }
        catch (Exception ex) when (PostgresErrors.IsUnavailable(ex))
        {
            throw Unavailable(ex);
        }
    }

    /// <summary>Creates a command that will run once; it counts as one executed statement.</summary>
    public NpgsqlCommand Command(
        NpgsqlConnection connection,
        string sql,
        IEnumerable<(string Name, object? Value)>? parameters = null,
        NpgsqlTransaction? transaction = null)
    {
        Interlocked.Increment(ref _statements);
        var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters ?? [])
        {
            command.Parameters.AddWithValue(name.TrimStart('@'), value ?? DBNull.Value);
        }

        return command;
    }

    /// <summary>Statements sent together in one round trip; each counts as one executed statement.</summary>
    public NpgsqlBatch Batch(NpgsqlConnection connection, params (string Sql, IEnumerable<(string Name, object? Value)> Parameters)[] statements)
    {
        var batch = new NpgsqlBatch(connection);
        foreach (var (sql, parameters) in statements)
        {
            Interlocked.Increment(ref _statements);
            var command = new NpgsqlBatchCommand(sql);
            foreach (var (name, value) in parameters)
            {
                command.Parameters.AddWithValue(name.TrimStart('@'), value ?? DBNull.Value);
            }

            batch.BatchCommands.Add(command);
        }

        return batch;
    }

    public async Task<int> ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is DBNull ? null : value;
    }

    /// <summary>Runs a read with a pooled connection; a lost database becomes <see cref="StoreUnavailableException"/>.</summary>
    public async Task<T> ReadAsync<T>(Func<NpgsqlConnection, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        try
        {
            return await read(connection, cancellationToken);
        }
        catch (Exception ex) when (PostgresErrors.IsUnavailable(ex))
        {
            throw Unavailable(ex);
        }
    }
}
