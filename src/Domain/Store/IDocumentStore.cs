using System.Text.Json.Nodes;
using CollectionStore.Domain.ChangeFeed;
using CollectionStore.Domain.Documents;
using CollectionStore.Domain.Model;

namespace CollectionStore.Domain.Store;

/// <summary>
/// The document store: documents of the model's collections, written one transaction per write together
/// with a change-feed row. Implementations: SQLite (embedded default) and PostgreSQL.
/// </summary>
public interface IDocumentStore : IAsyncDisposable
{
    /// <summary>The model the store was opened with.</summary>
    CollectionModel Model { get; }

    /// <summary>Raised after a write commits (never for a rolled-back one), in sequence order.</summary>
    IChangeNotifier Changes { get; }

    /// <summary>How many SQL statements the store has executed; lets tests prove relations are batched.</summary>
    long QueryCount { get; }

    Task<Document?> GetAsync(string collection, string id, CancellationToken cancellationToken);

    /// <summary>Loads the documents with the given ids in one query; missing ids are absent from the result.</summary>
    Task<IReadOnlyList<Document>> GetManyAsync(string collection, IReadOnlyCollection<string> ids, CancellationToken cancellationToken);

    /// <summary>Runs a filtered, sorted, keyset-paged query in SQL.</summary>
    Task<DocumentPage> QueryAsync(DocumentQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// For <c>@hasMany</c>: runs <paramref name="query"/> once per value of <paramref name="foreignKeyField"/> in
    /// <paramref name="keys"/>, in one round trip, returning one page per key.
    /// </summary>
    Task<IReadOnlyDictionary<string, DocumentPage>> QueryGroupedAsync(
        DocumentQuery query,
        string foreignKeyField,
        IReadOnlyCollection<string> keys,
        CancellationToken cancellationToken);

    /// <summary>Creates a document; applies defaults, validates it against the model, enforces uniqueness.</summary>
    Task<WriteResult> CreateAsync(string collection, string? id, JsonObject data, WriteOptions options, CancellationToken cancellationToken);

    /// <summary>Applies a patch (present keys replace, JSON null clears) to the stored document.</summary>
    Task<WriteResult> UpdateAsync(string collection, string id, JsonObject patch, WriteOptions options, CancellationToken cancellationToken);

    Task<WriteResult> DeleteAsync(string collection, string id, WriteOptions options, CancellationToken cancellationToken);

    /// <summary>Reads committed changes with sequence greater than <paramref name="afterSequence"/>, in order.</summary>
    Task<IReadOnlyList<ChangeRecord>> ReadChangesAsync(long afterSequence, int maxCount, CancellationToken cancellationToken);

    /// <summary>The highest committed sequence, or 0 when nothing was ever written.</summary>
    Task<long> GetLatestSequenceAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The lowest sequence still in the feed after retention, or <c>latest + 1</c> when the feed is empty;
    /// a resume from <c>since</c> is possible only when <c>since + 1 &gt;= oldest</c>.
    /// </summary>
    Task<long> GetOldestRetainedSequenceAsync(CancellationToken cancellationToken);

    /// <summary>Applies the retention limits (age and count) to the change feed; returns the rows removed.</summary>
    Task<int> PruneChangesAsync(CancellationToken cancellationToken);
}
