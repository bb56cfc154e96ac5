using CollectionStore.Domain.Model.Sdl;

namespace CollectionStore.Domain.Model.Binding;

/// <summary>
/// The type names a model declares and what each one is; rejects duplicate and reserved names.
/// Also carries the file path so every binding step can raise located errors.
/// </summary>
internal sealed class ModelSymbols
{
    // Names the generated API defines itself; a model type with one of them would collide.
    private static readonly HashSet<string> GeneratedNames = new(StringComparer.Ordinal)
    {
        "Query", "Mutation", "Subscription", "PageInfo", "SortEnumType",
    };

    private readonly Dictionary<string, TypeCategory> _categories = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SdlObjectType> _objectTypes = new(StringComparer.Ordinal);

    private ModelSymbols(string filePath)
    {
        FilePath = filePath;
    }

    public string FilePath { get; }

    /// <summary>Declares every type of the document in source order, so a duplicate is reported where it repeats.</summary>
    public static ModelSymbols Build(SdlDocument document, string filePath)
    {
        var symbols = new ModelSymbols(filePath);
        var declarations = document.ObjectTypes
            .Select(t => (t.Name, t.Location, Category: IsCollection(t) ? TypeCategory.Collection : TypeCategory.Embedded))
            .Concat(document.Enums.Select(e => (e.Name, e.Location, Category: TypeCategory.Enum)))
            .OrderBy(d => d.Location.Line)
            .ThenBy(d => d.Location.Column);
        foreach (var (name, location, category) in declarations)
        {
            symbols.Declare(name, location, category);
        }

        foreach (var type in document.ObjectTypes)
        {
            symbols._objectTypes[type.Name] = type;
        }

        return symbols;
    }

    /// <summary>Returns what the name stands for, or null when the model does not declare it.</summary>
    public TypeCategory? Find(string name) => _categories.TryGetValue(name, out var category) ? category : null;

    /// <summary>The syntax of a declared object type (collection or embedded).</summary>
    public SdlObjectType ObjectType(string name) => _objectTypes[name];

    public ModelException Error(SourceLocation location, string problem) => new(FilePath, location, problem);

    private static bool IsCollection(SdlObjectType type) =>
        type.Directives.Any(d => string.Equals(d.Name, DirectiveCatalog.Collection, StringComparison.Ordinal));

    private void Declare(string name, SourceLocation location, TypeCategory category)
    {
        if (ScalarTypes.All.Contains(name))
        {
            throw Error(location, $"The type name '{name}' is a built-in scalar; choose another name.");
        }

        if (GeneratedNames.Contains(name) || name.StartsWith("__", StringComparison.Ordinal))
        {
            throw Error(location, $"The type name '{name}' is reserved for the generated API; choose another name.");
        }

        if (!_categories.TryAdd(name, category))
        {
            throw Error(location, $"The type '{name}' is declared twice.");
        }
    }
}
