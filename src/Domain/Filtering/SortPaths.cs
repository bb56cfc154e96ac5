using CollectionStore.Domain.Model;

namespace CollectionStore.Domain.Filtering;

/// <summary>Checks that a sort path names a sortable value: a system field, or a scalar/enum field reached through embedded objects.</summary>
internal static class SortPaths
{
    public static void Validate(CollectionModel model, CollectionDefinition collection, IReadOnlyList<string> path) =>
        Resolve(model, collection, path);

    /// <summary>Validates the path and returns the declared type of the value it names.</summary>
    public static FieldType Resolve(CollectionModel model, CollectionDefinition collection, IReadOnlyList<string> path)
    {
        if (path.Count == 0)
        {
            throw new ArgumentException("A sort path needs at least one field.", nameof(path));
        }

        if (path.Count == 1 && SystemFields.All.Contains(path[0]))
        {
            return FilterScope.ForCollection(model, collection).ComparisonType(path[0]);
        }

        IReadOnlyList<FieldDefinition> fields = collection.Fields;
        for (var i = 0; ; i++)
        {
            var field = fields.FirstOrDefault(f => string.Equals(f.Name, path[i], StringComparison.Ordinal))
                ?? throw new ArgumentException($"'{string.Join('.', path)}' does not name a field of {collection.Name}.", nameof(path));
            var last = i == path.Count - 1;
            if (field.Type.IsList || (field.Type.Kind == FieldKind.Embedded) == last)
            {
                throw new ArgumentException($"'{string.Join('.', path)}' is not a sortable scalar or enum field.", nameof(path));
            }

            if (last)
            {
                return field.Type;
            }

            fields = model.FindEmbeddedType(field.Type.TypeName)?.Fields
                ?? throw new ArgumentException($"The model has no embedded type '{field.Type.TypeName}'.", nameof(path));
        }
    }
}
