using System.Text.Json.Nodes;
using CollectionStore.Domain.Documents;
using CollectionStore.Domain.Filtering;
using CollectionStore.Domain.Model;
using CollectionStore.Domain.Store;
using CollectionStore.Domain.Store.Sqlite;

namespace CollectionStore.Authorization.Tests.Rules;

/// <summary>A real SQLite store in a temp directory, with the documents written to it kept for in-memory checks.</summary>
internal sealed class RuleTestStore : IAsyncDisposable
{
    private readonly string _directory;
    private readonly Dictionary<(string Collection, string Id), Document> _documents = [];

    private RuleTestStore(string directory, SqliteDocumentStore store)
    {
        _directory = directory;
        Store = store;
    }

    public SqliteDocumentStore Store { get; }

    public static async Task<RuleTestStore> OpenAsync(CollectionModel model)
    {
        var directory = Path.Combine(Path.GetTempPath(), "cs-rules-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var options = new SqliteStoreOptions { ConnectionString = $"Data Source={Path.Combine(directory, "store.db")}" };
        var store = await SqliteDocumentStore.OpenAsync(options, model, TimeProvider.System, CancellationToken.None);
        return new RuleTestStore(directory, store);
    }

    /// <summary>Creates a document (as <paramref name="subject"/>, recorded as createdBy) and keeps the stored form.</summary>
    public async Task<Document> CreateAsync(string collection, string? id, JsonObject data, string? subject = null)
    {
        var result = await Store.CreateAsync(collection, id, data, new WriteOptions(subject), CancellationToken.None);
        var stored = await Store.GetAsync(collection, result.Document.Id, CancellationToken.None)
            ?? throw new InvalidOperationException("A created document could not be read back.");
        _documents[(collection, stored.Id)] = stored;
        return stored;
    }

    public IEnumerable<Document> All(string collection) =>
        _documents.Values.Where(d => d.Collection == collection);

    public Document? Lookup(string collection, string id) =>
        _documents.TryGetValue((collection, id), out var document) ? document : null;

    /// <summary>The ids the store's SQL query returns for the filter, in ordinal order.</summary>
    public async Task<List<string>> QueryIdsAsync(string collection, FilterExpression? filter)
    {
        var page = await Store.QueryAsync(
            new DocumentQuery(collection, filter, [], new PageRequest(null, null, null, null), false),
            CancellationToken.None);
        return [.. page.Items.Select(i => i.Document.Id).Order(StringComparer.Ordinal)];
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
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
