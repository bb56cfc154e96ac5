using System.Text.Json.Nodes;
using CollectionStore.Domain.ChangeFeed;
using CollectionStore.Domain.Documents;
using CollectionStore.Domain.Model;

namespace CollectionStore.Domain.Store.Postgres;

/// <summary>
/// The store on a PostgreSQL database that every node reaches: documents as <c>jsonb</c> beside system columns,
/// filters, sorts, cursors and rule predicates translated to SQL that uses the model's expression indexes, and a
/// change feed whose positions are assigned under one row lock at the end of each write transaction, so they are
/// gap-free and in commit order across all nodes. Writes of this process are raised to <see cref="Changes"/> after
/// commit in sequence order; a lost database connection fails a call with <see cref="StoreUnavailableException"/>.
/// </summary>
public sealed class PostgresDocumentStore : IDocumentStore
{
    private readonly PostgresDatabase _database;
    private readonly ChangeNotifier _notifier;
    private readonly PostgresWriteCoordinator _writer;
    private readonly PostgresDocumentCommands _commands;
    private readonly PostgresChangeFeed _feed;
    private readonly PostgresQueryRunner _queries;

    private PostgresDocumentStore(PostgresDatabase database, PostgresStoreOptions options, CollectionModel model, TimeProvider time)
    {
        _database = database;
        Model = model;
        _notifier = new ChangeNotifier(options.ListenerFailed);
        _writer = new PostgresWriteCoordinator(database, options, _notifier);
        _commands = new PostgresDocumentCommands(database, _writer, model, time);
        _feed = new PostgresChangeFeed(database, options, time);
        _queries = new PostgresQueryRunner(database, model);
    }

    public CollectionModel Model { get; }

    public IChangeNotifier Changes => _notifier;

    public long QueryCount => _database.StatementCount;

    /// <summary>
    /// Migrates the database to <paramref name="model"/> (one node at a time) and opens the store. Throws
    /// <see cref="InvalidOperationException"/> naming the collection and field when the model adds a non-null field
    /// without <c>@default</c> to a collection that already has documents.
    /// </summary>
    public static async Task<PostgresDocumentStore> OpenAsync(PostgresStoreOptions options, CollectionModel model, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(time);
        var database = new PostgresDatabase(options.DataSource);
        await new PostgresSchemaMigrator(database, model).MigrateAsync(cancellationToken);
        return new PostgresDocumentStore(database, options, model, time);
    }

    /// <summary>
    /// The statement that creates a documents table of this layout named <paramref name="table"/> (e.g. <c>doc_Task</c>),
    /// for tools that copy tables of collections the model no longer has.
    /// </summary>
    public static string CreateDocumentsTableStatement(string table)
    {
        ArgumentException.ThrowIfNullOrEmpty(table);
        return PostgresDocumentRows.CreateTable("\"" + table.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"");
    }

    public Task<Document?> GetAsync(string collection, string id, CancellationToken cancellationToken)
    {
        var definition = Model.GetCollection(collection);
        return _database.ReadAsync(
            (connection, ct) => PostgresDocumentCommands.LoadAsync(_database, connection, definition, id, forUpdate: false, ct),
            cancellationToken);
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

    /// <summary>Releases this store's writer; the data source belongs to whoever created it.</summary>
    public ValueTask DisposeAsync()
    {
        _writer.Dispose();
        return ValueTask.CompletedTask;
    }
}
