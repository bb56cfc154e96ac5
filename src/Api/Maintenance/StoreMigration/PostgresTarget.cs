using CollectionStore.Authorization.Identity.Store;
using CollectionStore.Domain.Model;
using CollectionStore.Domain.Store;
using CollectionStore.Domain.Store.Postgres;
using Npgsql;

namespace CollectionStore.Api.Maintenance.StoreMigration;

/// <summary>
/// The PostgreSQL database the store moves to: its schema is created by opening the document and identity stores,
/// exactly as a node does, and it must hold no Collection Store data (no documents, changes, users, sessions or
/// audit entries) before and while the copy runs.
/// </summary>
internal sealed class PostgresTarget : IAsyncDisposable
{
    private PostgresTarget(NpgsqlDataSource dataSource) => DataSource = dataSource;

    public NpgsqlDataSource DataSource { get; }

    public static PostgresTarget Create(string connectionString) =>
        new(Configuration.ModelStartup.CreateDataSource(connectionString, "collectionstore-migrate-store"));

    /// <summary>A connection to the target; a database that cannot be reached refuses the move.</summary>
    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await DataSource.OpenConnectionAsync(cancellationToken);
        }
        catch (Exception ex) when (PostgresErrors.IsConnectionFailure(ex))
        {
            throw Unreachable(ex);
        }
    }

    /// <summary>Creates or completes the tables as a node's start does; none of this writes data rows.</summary>
    public async Task CreateSchemaAsync(CollectionModel model, CancellationToken cancellationToken)
    {
        try
        {
            await using var documents = await PostgresDocumentStore.OpenAsync(new PostgresStoreOptions { DataSource = DataSource }, model, TimeProvider.System, cancellationToken);
            await using var identity = await IdentityStore.OpenPostgresAsync(DataSource, TimeProvider.System, cancellationToken);
        }
        catch (Exception ex) when (ex is StoreUnavailableException || PostgresErrors.IsConnectionFailure(ex))
        {
            throw Unreachable(ex);
        }
        catch (Exception ex) when (ex is PostgresException or InvalidOperationException)
        {
            throw new StoreMigrationRefusedException($"The target's tables could not be created: {Describe(ex)}", ex);
        }
    }

    /// <summary>Refuses the move when the target already holds Collection Store data, naming the tables that do.</summary>
    public static async Task RefuseIfInUseAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var used = new List<string>();
        foreach (var table in await StoreTablesAsync(connection, cancellationToken))
        {
            if (table == StoreTables.Meta)
            {
                var last = await ScalarAsync(connection, $"SELECT COALESCE(MAX(value), 0) FROM cs_meta WHERE key = '{StoreTables.LastSequenceKey}';", cancellationToken);
                if (last is long and > 0)
                {
                    used.Add($"{StoreTables.Meta}.{StoreTables.LastSequenceKey}={last}");
                }
            }
            else if (await ScalarAsync(connection, $"SELECT EXISTS (SELECT 1 FROM {StoreTables.Quote(table)});", cancellationToken) is true)
            {
                used.Add(table);
            }
        }

        if (used.Count > 0)
        {
            throw new StoreMigrationRefusedException(
                $"The target database already holds Collection Store data ({string.Join(", ", used)}); "
                + "migrate-store never merges or overwrites: give --to a new, empty database.");
        }
    }

    /// <summary>The target's columns of <paramref name="table"/> and their types, or an empty map when it has no such table.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> ColumnTypesAsync(NpgsqlConnection connection, string table, CancellationToken cancellationToken)
    {
        var columns = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var command = new NpgsqlCommand(
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = @table;",
            connection);
        command.Parameters.AddWithValue("table", table);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            columns[reader.GetString(0)] = reader.GetString(1);
        }

        return columns;
    }

    public static async Task<long> CountAsync(NpgsqlConnection connection, string table, CancellationToken cancellationToken) =>
        (long)(await ScalarAsync(connection, $"SELECT COUNT(*) FROM {StoreTables.Quote(table)};", cancellationToken))!;

    public static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();

    /// <summary>An error on one line: PostgreSQL's SQLSTATE, message and where (for COPY: the table, row and column).</summary>
    public static string Describe(Exception exception)
    {
        var text = exception is PostgresException postgres
            ? $"{postgres.SqlState}: {postgres.MessageText}{(postgres.Where is { Length: > 0 } where ? $" ({where})" : string.Empty)}"
            : exception.GetBaseException().Message;
        return text.ReplaceLineEndings(" ");
    }

    private static StoreMigrationRefusedException Unreachable(Exception ex) =>
        new($"The target PostgreSQL database (--to) could not be reached: {Describe(ex)}", ex);

    private static async Task<IReadOnlyList<string>> StoreTablesAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var tables = new List<string>();
        await using var command = new NpgsqlCommand(
            """
            SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')
              AND (c.relname LIKE 'doc\_%' OR c.relname = ANY(@names));
            """,
            connection);
        command.Parameters.AddWithValue("names", (string[])[StoreTables.Meta, .. StoreTables.DataTables]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }
}
