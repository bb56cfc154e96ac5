using CollectionStore.Domain.Model;
using GraphQL.Types;
using GraphQLFieldType = GraphQL.Types.FieldType;

namespace CollectionStore.Api.Schema.Types;

/// <summary>
/// Builds the <c>where</c> input types the way HotChocolate.Data names and shapes them: one
/// <c>XFilterInput</c> per collection and embedded type, and shared operation inputs per scalar and enum.
/// </summary>
internal sealed class FilterInputTypes(GraphTypeRegistry registry, CollectionModel model)
{
    private static readonly string[] EqualityOperators = ["eq", "neq"];
    private static readonly string[] SetOperators = ["in", "nin"];
    private static readonly string[] StringOperators = ["contains", "ncontains", "startsWith", "nstartsWith", "endsWith", "nendsWith"];
    private static readonly string[] ComparableOperators = ["gt", "ngt", "gte", "ngte", "lt", "nlt", "lte", "nlte"];

    /// <summary>Registers empty filter inputs for every collection and embedded type (they reference each other).</summary>
    public void Declare()
    {
        foreach (var name in model.Collections.Select(c => c.Name).Concat(model.EmbeddedTypes.Select(e => e.Name)))
        {
            registry.Add(new InputObjectGraphType { Name = TypeNames.ObjectFilter(name) });
        }
    }

    public InputObjectGraphType For(string typeName) => registry.Get<InputObjectGraphType>(TypeNames.ObjectFilter(typeName));

    public void Populate()
    {
        foreach (var collection in model.Collections)
        {
            var input = For(collection.Name);
            AddLogical(input);
            AddField(input, SystemFields.Id, Operation(ScalarTypes.Id));
            AddField(input, SystemFields.Version, Operation(ScalarTypes.Int));
            AddField(input, SystemFields.CreatedAt, Operation(ScalarTypes.DateTime));
            AddField(input, SystemFields.UpdatedAt, Operation(ScalarTypes.DateTime));
            AddField(input, SystemFields.CreatedBy, Operation(ScalarTypes.Id));
            AddField(input, SystemFields.UpdatedBy, Operation(ScalarTypes.Id));
            AddStoredFields(input, collection.Fields);
            foreach (var relation in collection.Relations.Where(r => r.Kind == RelationKind.BelongsTo))
            {
                AddField(input, relation.Name, For(relation.TargetCollection));
            }
        }

        foreach (var embedded in model.EmbeddedTypes)
        {
            var input = For(embedded.Name);
            AddLogical(input);
            AddStoredFields(input, embedded.Fields);
        }
    }

    private void AddStoredFields(InputObjectGraphType input, IReadOnlyList<FieldDefinition> fields)
    {
        foreach (var field in fields)
        {
            var type = field.Type;
            IGraphType filter = (type.IsList, type.Kind) switch
            {
                (true, FieldKind.Embedded) => ObjectList(type.TypeName),
                (true, _) => ListOperation(type.TypeName),
                (false, FieldKind.Embedded) => For(type.TypeName),
                _ => Operation(type.TypeName),
            };
            AddField(input, field.Name, filter);
        }
    }

    private InputObjectGraphType Operation(string typeName) =>
        registry.GetOrAdd(TypeNames.Operation(typeName), () =>
        {
            var input = new InputObjectGraphType { Name = TypeNames.Operation(typeName) };
            var value = ValueType(typeName);
            if (typeName == ScalarTypes.String)
            {
                AddLogical(input);
            }

            AddOperators(input, EqualityOperators, value);
            if (typeName == ScalarTypes.Boolean)
            {
                return input;
            }

            AddOperators(input, SetOperators, GraphTypeRegistry.ListOf(value));
            if (typeName == ScalarTypes.String)
            {
                AddOperators(input, StringOperators, value);
            }
            else if (typeName is ScalarTypes.Int or ScalarTypes.Float or ScalarTypes.DateTime)
            {
                AddOperators(input, ComparableOperators, value);
            }

            return input;
        });

    private InputObjectGraphType ListOperation(string typeName) =>
        registry.GetOrAdd(TypeNames.ListOperation(typeName), () => Quantified(TypeNames.ListOperation(typeName), Operation(typeName)));

    private InputObjectGraphType ObjectList(string typeName) =>
        registry.GetOrAdd(TypeNames.ObjectListFilter(typeName), () => Quantified(TypeNames.ObjectListFilter(typeName), For(typeName)));

    private InputObjectGraphType Quantified(string name, IGraphType element)
    {
        var input = new InputObjectGraphType { Name = name };
        AddOperators(input, ["all", "none", "some"], element);
        AddField(input, "any", registry.Boolean);
        return input;
    }

    private IGraphType ValueType(string typeName) =>
        ScalarTypes.All.Contains(typeName) ? registry.Scalar(typeName) : registry.Get<EnumerationGraphType>(typeName);

    private static void AddLogical(InputObjectGraphType input)
    {
        AddField(input, "and", GraphTypeRegistry.ListOf(GraphTypeRegistry.NonNull(input)));
        AddField(input, "or", GraphTypeRegistry.ListOf(GraphTypeRegistry.NonNull(input)));
    }

    private static void AddOperators(InputObjectGraphType input, IEnumerable<string> names, IGraphType type)
    {
        foreach (var name in names)
        {
            AddField(input, name, type);
        }
    }

    private static void AddField(InputObjectGraphType input, string name, IGraphType type) =>
        input.AddField(new GraphQLFieldType { Name = name, ResolvedType = type });
}
