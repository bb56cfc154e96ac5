using CollectionStore.Domain.Model;
using CollectionStore.Domain.Store;
using CollectionStore.Domain.Store.Postgres;
using CollectionStore.Domain.Store.Sqlite;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace CollectionStore.Api.Tests.Infrastructure;

/// <summary>
/// A second store on a running server's database (its SQLite file, or its PostgreSQL database through a data source
/// of its own), standing for another node: its commits never reach the server's bus.
/// </summary>
public sealed class SecondStore : IAsyncDisposable
{
    private readonly NpgsqlDataSource? _dataSource;

    private SecondStore(IDocumentStore store, NpgsqlDataSource? dataSource)
    {
        Store = store;
        _dataSource = dataSource;
    }

    public IDocumentStore Store { get; }

    public static async Task<SecondStore> OpenAsync(IConfiguration configuration, CollectionModel model)
    {
        var connectionString = configuration.GetConnectionString("Store")!;
        if (!string.Equals(configuration["Store:Provider"], "PostgreSql", StringComparison.OrdinalIgnoreCase))
        {
            var sqlite = await SqliteDocumentStore.OpenAsync(new SqliteStoreOptions { ConnectionString = connectionString }, model, TimeProvider.System, CancellationToken.None);
            return new SecondStore(sqlite, null);
        }

        var dataSource = NpgsqlDataSource.Create(connectionString);
        var postgres = await PostgresDocumentStore.OpenAsync(new PostgresStoreOptions { DataSource = dataSource }, model, TimeProvider.System, CancellationToken.None);
        return new SecondStore(postgres, dataSource);
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
        }
    }
}
