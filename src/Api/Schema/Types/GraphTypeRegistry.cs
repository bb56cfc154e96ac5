using CollectionStore.Domain.Model;
using GraphQL.Types;

namespace CollectionStore.Api.Schema.Types;

/// <summary>
/// One instance per generated type name: GraphQL.NET requires every reference to a named type to be the
/// same instance, and the builders share operation filters, enums and scalars between collections.
/// </summary>
internal sealed class GraphTypeRegistry
{
    private readonly Dictionary<string, IGraphType> _types = new(StringComparer.Ordinal);

    public GraphTypeRegistry()
    {
        Id = new IdGraphType();
        String = new StringGraphType();
        Int = new IntGraphType();
        Float = new FloatGraphType();
        Boolean = new BooleanGraphType();
        DateTime = new IsoDateTimeGraphType();
    }

    public IdGraphType Id { get; }

    public StringGraphType String { get; }

    public IntGraphType Int { get; }

    public FloatGraphType Float { get; }

    public BooleanGraphType Boolean { get; }

    public IsoDateTimeGraphType DateTime { get; }

    public ScalarGraphType Scalar(string name) => name switch
    {
        ScalarTypes.Id => Id,
        ScalarTypes.String => String,
        ScalarTypes.Int => Int,
        ScalarTypes.Float => Float,
        ScalarTypes.Boolean => Boolean,
        ScalarTypes.DateTime => DateTime,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Not a model scalar."),
    };

    /// <summary>Returns the type registered under <paramref name="name"/>, creating it on first use.</summary>
    public T GetOrAdd<T>(string name, Func<T> create)
        where T : IGraphType
    {
        if (_types.TryGetValue(name, out var existing))
        {
            return (T)existing;
        }

        var created = create();
        _types[name] = created;
        return created;
    }

    /// <summary>Registers a type whose fields are added later, so types can reference each other.</summary>
    public void Add(IGraphType type) => _types.Add(type.Name, type);

    public T Get<T>(string name)
        where T : IGraphType => (T)_types[name];

    public IEnumerable<IGraphType> All => _types.Values;

    public static IGraphType NonNull(IGraphType type) => new NonNullGraphType(type);

    public static IGraphType ListOf(IGraphType type) => new ListGraphType(type);

    public static IGraphType NonNullListOfNonNull(IGraphType type) => NonNull(ListOf(NonNull(type)));
}
