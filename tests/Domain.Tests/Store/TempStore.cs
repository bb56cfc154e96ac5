using CollectionStore.Domain.Model;
using CollectionStore.Domain.Store.Sqlite;

namespace CollectionStore.Domain.Tests.Store;

/// <summary>A temp directory holding one SQLite file; stores opened on it are disposed with it.</summary>
internal sealed class TempStore : IAsyncDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "cs-store-" + Guid.NewGuid().ToString("N"));
    private readonly List<SqliteDocumentStore> _opened = [];

    public TempStore() => Directory.CreateDirectory(_directory);

    public string ConnectionString => $"Data Source={Path.Combine(_directory, "store.db")}";

    public TestClock Clock { get; } = new();

    public SqliteStoreOptions Options => new() { ConnectionString = ConnectionString };

    public async Task<SqliteDocumentStore> OpenAsync(CollectionModel? model = null, SqliteStoreOptions? options = null)
    {
        var store = await SqliteDocumentStore.OpenAsync(options ?? Options, model ?? StoreTestModel.Create(), Clock, CancellationToken.None);
        _opened.Add(store);
        return store;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var store in _opened)
        {
            await store.DisposeAsync();
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
