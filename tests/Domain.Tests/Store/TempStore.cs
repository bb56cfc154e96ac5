using CollectionStore.Domain.Model;
using CollectionStore.Domain.Store;
using CollectionStore.Domain.Store.Postgres;
using CollectionStore.Domain.Store.Sqlite;
using CollectionStore.Tests.Postgres;
using Npgsql;

namespace CollectionStore.Domain.Tests.Store;

/// <summary>
/// One empty store location of either provider: a temp directory holding one SQLite file, or a fresh database on the
/// test process's throw-away PostgreSQL cluster. Every store opened on it gets its own connections (on PostgreSQL its
/// own data source, like a second node), and all of them are disposed with it.
/// </summary>
internal sealed class TempStore(StoreKind kind = StoreKind.Sqlite) : IAsyncDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cs-store-").FullName;
    private readonly List<IDocumentStore> _opened = [];
    private readonly List<NpgsqlDataSource> _dataSources = [];
    private readonly Lazy<Task<string>> _postgresDatabase = new(async () => await (await PostgresServer.SharedAsync()).CreateDatabaseAsync());

    public StoreKind Kind { get; } = kind;

    /// <summary>The SQLite connection string (SQLite locations only).</summary>
    public string ConnectionString => $"Data Source={Path.Combine(_directory, "store.db")}";

    public TestClock Clock { get; } = new();

    /// <summary>The provider-neutral settings a test may change with <c>with</c>.</summary>
#pragma warning disable CA1822 // An instance member, so tests read `temp.Options with { … }` like the store's own options.
    public TestStoreOptions Options => new();
#pragma warning restore CA1822

    public SqliteStoreOptions SqliteOptions => new() { ConnectionString = ConnectionString };

    public async Task<IDocumentStore> OpenAsync(CollectionModel? model = null, TestStoreOptions? options = null)
    {
        model ??= StoreTestModel.Create();
        options ??= new TestStoreOptions();
        IDocumentStore store = Kind == StoreKind.Sqlite
            ? await SqliteDocumentStore.OpenAsync(
                SqliteOptions with { RetentionMaxAge = options.RetentionMaxAge, RetentionMaxCount = options.RetentionMaxCount, ListenerFailed = options.ListenerFailed },
                model,
                Clock,
                CancellationToken.None)
            : await PostgresDocumentStore.OpenAsync(
                new PostgresStoreOptions
                {
                    DataSource = await NewDataSourceAsync(),
                    RetentionMaxAge = options.RetentionMaxAge,
                    RetentionMaxCount = options.RetentionMaxCount,
                    ListenerFailed = options.ListenerFailed,
                },
                model,
                Clock,
                CancellationToken.None);
        lock (_opened)
        {
            _opened.Add(store);
        }

        return store;
    }

    /// <summary>Opens an SQLite store with SQLite-only settings (busy timeouts and retries).</summary>
    public async Task<SqliteDocumentStore> OpenSqliteAsync(SqliteStoreOptions options, CollectionModel? model = null)
    {
        var store = await SqliteDocumentStore.OpenAsync(options, model ?? StoreTestModel.Create(), Clock, CancellationToken.None);
        _opened.Add(store);
        return store;
    }

    /// <summary>A data source of its own on this location's PostgreSQL database.</summary>
    public async Task<NpgsqlDataSource> NewDataSourceAsync()
    {
        var dataSource = NpgsqlDataSource.Create(await _postgresDatabase.Value);
        lock (_dataSources)
        {
            _dataSources.Add(dataSource);
        }

        return dataSource;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var store in _opened)
        {
            await store.DisposeAsync();
        }

        foreach (var dataSource in _dataSources)
        {
            await dataSource.DisposeAsync();
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp file is harmless; the OS cleans the temp directory.
        }
    }
}
