using System.Data.Common;
using CollectionStore.Authorization.Identity.Store;
using CollectionStore.Domain.Store;
using CollectionStore.Tests.Postgres;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CollectionStore.Authorization.Tests.Identity;

/// <summary>
/// An empty database of either provider for one test: a temp SQLite file, or a fresh database on the shared
/// throw-away PostgreSQL cluster with its own data source (one per "process", as the server has). Opens identity
/// stores on it and runs raw SQL as someone with direct access to the database would.
/// </summary>
internal sealed class IdentityTestDatabase : IAsyncDisposable
{
    private readonly string? _directory;
    private readonly PostgresServer? _server;
    private readonly string? _databaseName;

    private IdentityTestDatabase(StoreProvider provider, string connectionString, string? directory, PostgresServer? server)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _directory = directory;
        _server = server;
        if (server is not null)
        {
            _databaseName = new NpgsqlConnectionStringBuilder(connectionString).Database;
            DataSource = NpgsqlDataSource.Create(connectionString);
        }
    }

    public StoreProvider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>The PostgreSQL data source stores open on; null for SQLite.</summary>
    public NpgsqlDataSource? DataSource { get; }

    /// <summary>Statements that remove the append-only triggers of <c>cs_audit</c>, as the table's owner could.</summary>
    public string DropAppendOnlyTriggers => Provider == StoreProvider.Sqlite
        ? "DROP TRIGGER cs_audit_no_update; DROP TRIGGER cs_audit_no_delete;"
        : "DROP TRIGGER cs_audit_no_update ON cs_audit; DROP TRIGGER cs_audit_no_delete ON cs_audit;";

    public static async Task<IdentityTestDatabase> CreateAsync(StoreProvider provider)
    {
        if (provider == StoreProvider.Sqlite)
        {
            var directory = Path.Combine(Path.GetTempPath(), "cs-identity-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(directory);
            return new IdentityTestDatabase(provider, $"Data Source={Path.Combine(directory, "store.db")}", directory, server: null);
        }

        var server = await PostgresServer.SharedAsync().WaitAsync(TimeSpan.FromSeconds(120));
        var connectionString = await server.CreateDatabaseAsync().WaitAsync(TimeSpan.FromSeconds(30));
        return new IdentityTestDatabase(provider, connectionString, directory: null, server);
    }

    public Task<IdentityStore> OpenStoreAsync(TimeProvider time) => Provider == StoreProvider.Sqlite
        ? IdentityStore.OpenSqliteAsync(ConnectionString, time, CancellationToken.None)
        : IdentityStore.OpenPostgresAsync(DataSource!, time, CancellationToken.None);

    /// <summary>Runs raw SQL and returns each row as its values joined by <c>|</c> (NULL for a null).</summary>
    public async Task<List<string>> RawAsync(string sql)
    {
        await using var connection = await OpenRawConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "NULL" : reader.GetValue(i).ToString())));
        }

        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        if (_directory is not null)
        {
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
                // A file still held by the OS only leaves a temp directory behind.
            }

            return;
        }

        await DataSource!.DisposeAsync();
        await using var admin = new NpgsqlConnection(_server!.AdminConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_databaseName}\" WITH (FORCE);", admin);
        await drop.ExecuteNonQueryAsync();
    }

    private async Task<DbConnection> OpenRawConnectionAsync()
    {
        if (DataSource is not null)
        {
            return await DataSource.OpenConnectionAsync();
        }

        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
