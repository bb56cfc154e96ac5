using CollectionStore.Domain.Model;

namespace CollectionStore.Domain.Store;

/// <summary>
/// What every store provider's migration derives from the model alike: the indexes a collection needs and the rule
/// for fields added to a collection that already has documents.
/// </summary>
internal static class SchemaPlan
{
    /// <summary>The name of the unique index that enforces <paramref name="field"/>; the database names it in violations.</summary>
    public static string UniqueIndexName(string collection, string field) => $"ux_{collection}_{field}";

    /// <summary>
    /// The indexes of <paramref name="collection"/> by name: <c>ux_</c> for <c>@unique</c>, <c>ix_</c> for <c>@index</c>,
    /// the collection's own foreign keys and the foreign keys other collections' <c>@hasMany</c> relations use.
    /// </summary>
    public static Dictionary<string, (FieldDefinition Field, bool Unique)> WantedIndexes(CollectionModel model, CollectionDefinition collection)
    {
        var wanted = new Dictionary<string, (FieldDefinition Field, bool Unique)>(StringComparer.Ordinal);
        var indexed = collection.Fields.Where(f => f.Indexed && !f.Unique).Select(f => f.Name)
            .Concat(collection.Relations.Where(r => r.Kind == RelationKind.BelongsTo).Select(r => r.ForeignKeyField))
            .Concat(model.Collections.SelectMany(c => c.Relations)
                .Where(r => r.Kind == RelationKind.HasMany && string.Equals(r.TargetCollection, collection.Name, StringComparison.Ordinal))
                .Select(r => r.ForeignKeyField));
        foreach (var field in collection.Fields.Where(f => f.Unique))
        {
            wanted[UniqueIndexName(collection.Name, field.Name)] = (field, true);
        }

        foreach (var name in indexed.Distinct(StringComparer.Ordinal))
        {
            if (collection.FindField(name) is { Unique: false } field)
            {
                wanted[$"ix_{collection.Name}_{name}"] = (field, false);
            }
        }

        return wanted;
    }

    /// <summary>
    /// Throws when a field added to a collection that already has documents is non-null without a default: those
    /// documents would be invalid.
    /// </summary>
    public static void CheckAddedFields(CollectionModel model, CollectionDefinition collection, IEnumerable<FieldDefinition> added)
    {
        var refused = added.FirstOrDefault(f => f.Type.NonNull && !f.HasDefault);
        if (refused is not null)
        {
            throw new InvalidOperationException(
                $"{model.SourcePath}({refused.Location.Line},{refused.Location.Column}): collection '{collection.Name}' already has documents, "
                + $"so its new non-null field '{refused.Name}' needs a @default(value: ...) or must be nullable.");
        }
    }
}
