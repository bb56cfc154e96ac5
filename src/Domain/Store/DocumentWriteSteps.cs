using System.Text.Json.Nodes;
using CollectionStore.Domain.ChangeFeed;
using CollectionStore.Domain.Documents;
using CollectionStore.Domain.Model;

namespace CollectionStore.Domain.Store;

/// <summary>
/// What create, update and delete mean, the same on every store provider: validation and defaults before the
/// transaction, then, inside it, the version check against the stored state, the resulting document with its system
/// fields, the guard's look at before and after, and the change the feed records. A provider reads and writes the rows.
/// </summary>
internal sealed class DocumentWriteSteps(CollectionModel model, TimeProvider time)
{
    private const int MaxIdLength = 128;

    private readonly DocumentValidator _validator = new(model);
    private readonly UlidGenerator _ids = new(time);

    /// <summary>Validates a create before any transaction starts; returns the collection, the document data and its id.</summary>
    public (CollectionDefinition Collection, JsonObject Data, string Id) PrepareCreate(string collectionName, string? id, JsonObject data)
    {
        var collection = model.GetCollection(collectionName);
        if (id is not null && (id.Length == 0 || id.Length > MaxIdLength))
        {
            throw new InvalidDocumentException($"Field 'id' must be a non-empty string of at most {MaxIdLength} characters.");
        }

        return (collection, _validator.ValidateCreate(collection, data), id ?? _ids.NewId());
    }

    public PendingChange Create(CollectionDefinition collection, string id, JsonObject data, WriteOptions options, Func<string, string, Document?> related)
    {
        var now = time.GetUtcNow();
        var after = new Document(collection.Name, id, 1, now, now, options.Subject, options.Subject, data);
        options.Guard?.Invoke(null, after, related);
        return new PendingChange(collection.Name, id, ChangeOperation.Created, 1, null, after, options.Subject, now);
    }

    /// <summary>The updated document for the stored <paramref name="current"/> (null: it does not exist).</summary>
    public PendingChange Update(CollectionDefinition collection, string id, Document? current, JsonObject patch, WriteOptions options, Func<string, string, Document?> related)
    {
        var before = CheckCurrent(collection, id, current, options);
        var now = time.GetUtcNow();
        var after = before with { Version = before.Version + 1, UpdatedAt = now, UpdatedBy = options.Subject, Data = _validator.ApplyPatch(collection, before.Data, patch) };
        options.Guard?.Invoke(before, after, related);
        return new PendingChange(collection.Name, id, ChangeOperation.Updated, after.Version, before, after, options.Subject, now);
    }

    public PendingChange Delete(CollectionDefinition collection, string id, Document? current, WriteOptions options, Func<string, string, Document?> related)
    {
        var before = CheckCurrent(collection, id, current, options);
        options.Guard?.Invoke(before, null, related);
        return new PendingChange(collection.Name, id, ChangeOperation.Deleted, before.Version, before, null, options.Subject, time.GetUtcNow());
    }

    private static Document CheckCurrent(CollectionDefinition collection, string id, Document? current, WriteOptions options)
    {
        if (current is null)
        {
            throw new DocumentNotFoundException(collection.Name, id);
        }

        if (options.ExpectedVersion is { } expected && expected != current.Version)
        {
            throw new VersionConflictException(collection.Name, id, expected, current.Version);
        }

        return current;
    }
}
