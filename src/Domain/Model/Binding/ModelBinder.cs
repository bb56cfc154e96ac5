using CollectionStore.Domain.Model.Sdl;

namespace CollectionStore.Domain.Model.Binding;

/// <summary>
/// Turns the syntax tree of a model file into a checked <see cref="CollectionModel"/>: names,
/// directives, field types, defaults, relations, embedded cycles.
/// </summary>
internal static class ModelBinder
{
    public static CollectionModel Bind(SdlDocument document, string filePath)
    {
        var symbols = ModelSymbols.Build(document, filePath);
        DirectiveCatalog.Check(document.SchemaDirectives, DirectiveSite.Schema, filePath);
        var enums = document.Enums.Select(e => BindEnum(e, symbols)).ToDictionary(e => e.Name, StringComparer.Ordinal);
        var bound = document.ObjectTypes.Select(t => ObjectTypeBinder.Bind(t, symbols)).ToList();
        var collections = bound.Where(t => t.IsCollection).ToDictionary(t => t.Syntax.Name, StringComparer.Ordinal);
        var embedded = bound.Where(t => !t.IsCollection).ToDictionary(t => t.Syntax.Name, StringComparer.Ordinal);
        EmbeddedCycleChecker.Check(embedded.Values, symbols);

        var defaults = new DefaultValueBinder(symbols, enums, embedded);
        var collectionDefinitions = collections.Values
            .Select(c => BindCollection(c, collections, defaults, symbols))
            .ToList();
        if (collectionDefinitions.Count == 0)
        {
            throw symbols.Error(new SourceLocation(1, 1), "The model declares no collection; mark at least one type with @collection.");
        }

        CheckRootFieldNames(collectionDefinitions, symbols);
        return new CollectionModel(
            collectionDefinitions,
            [.. embedded.Keys.Select(defaults.Embedded)],
            [.. enums.Values],
            filePath)
        {
            SchemaDirectives = [.. document.SchemaDirectives.Select(d => d.ToUse())],
        };
    }

    private static CollectionDefinition BindCollection(
        BoundObjectType collection,
        IReadOnlyDictionary<string, BoundObjectType> collections,
        DefaultValueBinder defaults,
        ModelSymbols symbols)
    {
        var syntax = collection.Syntax;
        var relations = RelationBinder.Bind(collection, collections, symbols);
        return new CollectionDefinition(syntax.Name, defaults.Apply(collection), relations, syntax.Location)
        {
            Directives = [.. syntax.Directives.Select(d => d.ToUse())],
        };
    }

    private static EnumDefinition BindEnum(SdlEnumType type, ModelSymbols symbols)
    {
        DirectiveCatalog.Check(type.Directives, DirectiveSite.EnumType, symbols.FilePath);
        var values = new List<string>();
        foreach (var value in type.Values)
        {
            DirectiveCatalog.Check(value.Directives, DirectiveSite.EnumValue, symbols.FilePath);
            if (value.Name is "true" or "false" or "null")
            {
                throw symbols.Error(value.Location, $"'{value.Name}' cannot be an enum value.");
            }

            if (values.Contains(value.Name, StringComparer.Ordinal))
            {
                throw symbols.Error(value.Location, $"The enum '{type.Name}' declares the value '{value.Name}' twice.");
            }

            values.Add(value.Name);
        }

        return new EnumDefinition(type.Name, values, type.Location);
    }

    // Every collection adds a by-id field (singular) and a list field (plural) to the generated root types.
    private static void CheckRootFieldNames(IEnumerable<CollectionDefinition> collections, ModelSymbols symbols)
    {
        var taken = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var collection in collections)
        {
            foreach (var name in new[] { collection.SingularName, collection.PluralName })
            {
                if (!taken.TryAdd(name, collection.Name) && taken[name] != collection.Name)
                {
                    throw symbols.Error(collection.Location, $"The collection '{collection.Name}' would generate the root field '{name}', which the collection '{taken[name]}' already generates; rename one of them.");
                }
            }
        }
    }
}
