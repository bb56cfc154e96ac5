using System.Text.Json.Nodes;
using CollectionStore.Domain.ChangeFeed;
using CollectionStore.Domain.Documents;
using CollectionStore.Domain.Model;

namespace CollectionStore.Domain.Store.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode with <c>synchronous=FULL</c>, so every acknowledged write is on
/// disk (it survives a process kill and a power loss). Each write is one transaction that changes the document and
/// appends its change-feed row; writes are serialised (a semaphore in this process, SQLite's write lock between
/// processes) and raised to <see cref="Changes"/> after commit in sequence order. Reads use pooled connections and
/// never wait for the writer.
/// </summary>
public sealed class SqliteDocumentStore : IDocumentStore
{
    private readonly SqliteDatabase _database;
    private readonly ChangeNotifier _notifier;
    private readonly SqliteWriteCoordinator _writer;
    private readonly SqliteDocumentCommands _commands;
    private readonly SqliteChangeFeed _feed;
    private readonly SqliteQueryRunner _queries;

    private SqliteDocumentStore(SqliteDatabase database, SqliteStoreOptions options, CollectionModel model, TimeProvider time)
    {
        _database = database;
        Model = model;
        _notifier = new ChangeNotifier(options.ListenerFailed);
        _writer = new SqliteWriteCoordinator(database, options, _notifier);
        _commands = new SqliteDocumentCommands(database, _writer, model, time);
        _feed = new SqliteChangeFeed(database, _writer, options, time);
        _queries = new SqliteQueryRunner(database, model);
    }

    public CollectionModel Model { get; }

    public IChangeNotifier Changes => _notifier;

    public long QueryCount => _database.StatementCount;

    /// <summary>
    /// Opens (creating when needed) the database and migrates it to <paramref name="model"/>. Throws
    /// <see cref="InvalidOperationException"/> naming the collection and field when the model adds a non-null field
    /// without <c>@default</c> to a collection that already has documents.
    /// </summary>
    public static async Task<SqliteDocumentStore> OpenAsync(SqliteStoreOptions options, CollectionModel model, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(time);
        var database = await SqliteDatabase.OpenAsync(options, cancellationToken);
        try
        {
            await new SqliteSchemaMigrator(database, model).MigrateAsync(cancellationToken);
            return new SqliteDocumentStore(database, options, model, time);
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    public async Task<Document?> GetAsync(string collection, string id, CancellationToken cancellationToken)
    {
        var definition = Model.GetCollection(collection);
        await using var connection = await _database.OpenReaderAsync(cancellationToken);
        return await SqliteDocumentCommands.LoadAsync(_database, connection, definition, id, cancellationToken);
    }

    public Task<IReadOnlyList<Document>> GetManyAsync(string collection, IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        _queries.GetManyAsync(Model.GetCollection(collection), ids, cancellationToken);

    public Task<DocumentPage> QueryAsync(DocumentQuery query, CancellationToken cancellationToken) =>
        _queries.QueryAsync(query, cancellationToken);

    public Task<IReadOnlyDictionary<string, DocumentPage>> QueryGroupedAsync(
        DocumentQuery query,
        string foreignKeyField,
        IReadOnlyCollection<string> keys,
        CancellationToken cancellationToken) =>
        _queries.QueryGroupedAsync(query, foreignKeyField, keys, cancellationToken);

    public Task<WriteResult> CreateAsync(string collection, string? id, JsonObject data, WriteOptions options, CancellationToken cancellationToken) =>
        _commands.CreateAsync(collection, id, data, options, cancellationToken);

    public Task<WriteResult> UpdateAsync(string collection, string id, JsonObject patch, WriteOptions options, CancellationToken cancellationToken) =>
        _commands.UpdateAsync(collection, id, patch, options, cancellationToken);

    public Task<WriteResult> DeleteAsync(string collection, string id, WriteOptions options, CancellationToken cancellationToken) =>
        _commands.DeleteAsync(collection, id, options, cancellationToken);

    public Task<IReadOnlyList<ChangeRecord>> ReadChangesAsync(long afterSequence, int maxCount, CancellationToken cancellationToken) =>
        _feed.ReadAsync(afterSequence, maxCount, cancellationToken);

    public Task<long> GetLatestSequenceAsync(CancellationToken cancellationToken) =>
        _feed.GetLatestSequenceAsync(cancellationToken);

    public Task<long> GetOldestRetainedSequenceAsync(CancellationToken cancellationToken) =>
        _feed.GetOldestRetainedSequenceAsync(cancellationToken);

    public Task<int> PruneChangesAsync(CancellationToken cancellationToken) =>
        _feed.PruneAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        _writer.Dispose();
        await _database.DisposeAsync();
    }
}
