using Microsoft.Data.Sqlite;

namespace CollectionStore.Api.Maintenance.StoreMigration;

/// <summary>
/// The SQLite store being moved, opened read-only and read inside one transaction, so every table comes from the
/// same snapshot even if a node were still writing (the command still asks for the nodes to be stopped: what they
/// write afterwards is not moved).
/// </summary>
internal sealed class SqliteSource : IAsyncDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _snapshot;

    private SqliteSource(SqliteConnection connection, SqliteTransaction snapshot)
    {
        _connection = connection;
        _snapshot = snapshot;
    }

    public static async Task<SqliteSource> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        var readOnly = new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        var connection = new SqliteConnection(readOnly.ToString());
        try
        {
            await connection.OpenAsync(cancellationToken);

            // Deferred: a read transaction, which a read-only connection can take; the snapshot starts at the first read.
            var snapshot = connection.BeginTransaction(deferred: true);
            var source = new SqliteSource(connection, snapshot);
            if (!(await source.TablesAsync(cancellationToken)).Contains(StoreTables.Meta))
            {
                await source.DisposeAsync();
                throw new StoreMigrationRefusedException(
                    $"The source '{readOnly.DataSource}' is not a Collection Store database (it has no {StoreTables.Meta} table).");
            }

            return source;
        }
        catch (SqliteException ex)
        {
            await connection.DisposeAsync();
            throw new StoreMigrationRefusedException($"The source '{readOnly.DataSource}' cannot be read as SQLite: {ex.Message}", ex);
        }
    }

    /// <summary>Every table of the file except SQLite's own.</summary>
    public async Task<IReadOnlyList<string>> TablesAsync(CancellationToken cancellationToken)
    {
        var tables = new List<string>();
        await using var command = Command("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name;");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }

    public async Task<IReadOnlyList<string>> ColumnsAsync(string table, CancellationToken cancellationToken)
    {
        var columns = new List<string>();
        await using var command = Command("SELECT name FROM pragma_table_info(@table) ORDER BY cid;");
        command.Parameters.AddWithValue("@table", table);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            columns.Add(reader.GetString(0));
        }

        return columns;
    }

    public async Task<long> CountAsync(string table, CancellationToken cancellationToken)
    {
        await using var command = Command($"SELECT COUNT(*) FROM {StoreTables.Quote(table)};");
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>The change feed's last assigned position, <c>cs_meta.last_sequence</c>.</summary>
    public async Task<long> LastSequenceAsync(CancellationToken cancellationToken)
    {
        await using var command = Command($"SELECT value FROM {StoreTables.Meta} WHERE key = '{StoreTables.LastSequenceKey}';");
        return await command.ExecuteScalarAsync(cancellationToken) is long value ? value : 0;
    }

    /// <summary>Hands <paramref name="consume"/> the rows of <paramref name="table"/> in storage order, with <paramref name="columns"/> in this order.</summary>
    public async Task<T> ReadAsync<T>(
        string table,
        IReadOnlyList<string> columns,
        Func<SqliteDataReader, CancellationToken, Task<T>> consume,
        CancellationToken cancellationToken)
    {
        await using var command = Command($"SELECT {string.Join(", ", columns.Select(StoreTables.Quote))} FROM {StoreTables.Quote(table)} ORDER BY rowid;");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await consume(reader, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _snapshot.DisposeAsync();
        await _connection.DisposeAsync();
    }

    private SqliteCommand Command(string sql)
    {
        var command = _connection.CreateCommand();
        command.Transaction = _snapshot;
        command.CommandText = sql;
        return command;
    }
}
