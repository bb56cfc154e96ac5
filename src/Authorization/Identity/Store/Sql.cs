using System.Data.Common;

namespace CollectionStore.Authorization.Identity.Store;

/// <summary>
/// Parameterised statements on a connection of the identity store. The statements are written once for both
/// providers: <c>@name</c> parameters, <c>RETURNING</c>, and timestamps as fixed-width text in <see cref="Domain.Documents.DateTimeFormat"/>.
/// </summary>
internal static class Sql
{
    public static DbCommand Command(DbConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    public static async Task<int> ExecuteAsync(DbConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task<object?> ScalarAsync(DbConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is DBNull ? null : value;
    }

    /// <summary>A <c>SELECT EXISTS (…)</c>: SQLite answers with an integer, PostgreSQL with a boolean.</summary>
    public static async Task<bool> ExistsAsync(DbConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters) =>
        await ScalarAsync(connection, sql, cancellationToken, parameters) is true or long and not 0;

    /// <summary>Reads every row of a query with <paramref name="map"/>.</summary>
    public static async Task<List<T>> ListAsync<T>(
        DbConnection connection,
        string sql,
        Func<DbDataReader, T> map,
        CancellationToken cancellationToken,
        params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    public static async Task<T?> SingleOrDefaultAsync<T>(
        DbConnection connection,
        string sql,
        Func<DbDataReader, T> map,
        CancellationToken cancellationToken,
        params (string Name, object? Value)[] parameters)
        where T : class
    {
        var rows = await ListAsync(connection, sql, map, cancellationToken, parameters);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>
    /// Rolls back the connection's transaction if one is still open. The database may already have ended it (SQLite
    /// does on some errors) or the connection may be gone; either way nothing is left to undo.
    /// </summary>
    public static async Task TryRollBackAsync(DbConnection connection)
    {
        try
        {
            await ExecuteAsync(connection, "ROLLBACK;", CancellationToken.None);
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException)
        {
            // Nothing to undo; the caller reports the error that ended the transaction.
        }
    }

    public static string? NullableString(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
