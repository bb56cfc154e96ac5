using CollectionStore.Domain.Model;
using GraphQL.Types;
using GraphQLFieldType = GraphQL.Types.FieldType;

namespace CollectionStore.Api.Schema.Types;

/// <summary>
/// Builds the <c>order</c> input types: <c>XSortInput</c> with one <c>SortEnumType</c> field per sortable field
/// (system fields, scalars and enums), and a nested <c>LabelSortInput</c> for single embedded objects.
/// Lists are not sortable.
/// </summary>
internal sealed class SortInputTypes(GraphTypeRegistry registry, CollectionModel model)
{
    public EnumerationGraphType SortEnum { get; } = CreateSortEnum();

    public InputObjectGraphType For(CollectionDefinition collection) =>
        registry.GetOrAdd(TypeNames.Sort(collection.Name), () =>
        {
            var input = new InputObjectGraphType { Name = TypeNames.Sort(collection.Name) };
            foreach (var name in SystemFields.All.Order(StringComparer.Ordinal))
            {
                Add(input, name, SortEnum);
            }

            AddFields(input, collection.Fields);
            return input;
        });

    private InputObjectGraphType ForEmbedded(EmbeddedTypeDefinition embedded) =>
        registry.GetOrAdd(TypeNames.Sort(embedded.Name), () =>
        {
            var input = new InputObjectGraphType { Name = TypeNames.Sort(embedded.Name) };
            AddFields(input, embedded.Fields);
            return input;
        });

    private void AddFields(InputObjectGraphType input, IReadOnlyList<FieldDefinition> fields)
    {
        foreach (var field in fields.Where(f => !f.Type.IsList))
        {
            if (field.Type.Kind != FieldKind.Embedded)
            {
                Add(input, field.Name, SortEnum);
            }
            else if (model.FindEmbeddedType(field.Type.TypeName) is { } embedded)
            {
                Add(input, field.Name, ForEmbedded(embedded));
            }
        }
    }

    private static void Add(InputObjectGraphType input, string name, IGraphType type) =>
        input.AddField(new GraphQLFieldType { Name = name, ResolvedType = type });

    private static EnumerationGraphType CreateSortEnum()
    {
        var sortEnum = new EnumerationGraphType { Name = TypeNames.SortEnum, Description = "The direction of one sort key." };
        sortEnum.Add("ASC", "ASC", "Ascending; nulls first.");
        sortEnum.Add("DESC", "DESC", "Descending; nulls last.");
        return sortEnum;
    }
}
