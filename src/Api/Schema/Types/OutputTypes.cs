using CollectionStore.Api.Access;
using CollectionStore.Api.Schema.Inputs;
using CollectionStore.Api.Schema.Relations;
using CollectionStore.Api.Schema.Resolvers;
using CollectionStore.Domain.Documents;
using CollectionStore.Domain.Model;
using GraphQL.Types;
using ModelFieldType = CollectionStore.Domain.Model.FieldType;

namespace CollectionStore.Api.Schema.Types;

/// <summary>
/// The output side of the model: an object type per collection (system fields, stored fields, relations),
/// per embedded type, and an enum type per model enum (values are their names). A document's stored and relation
/// fields resolve only when the subject may read them (<see cref="FieldAccess"/>).
/// </summary>
internal sealed class OutputTypes(GraphTypeRegistry registry, CollectionModel model, ConnectionTypes connections)
{
    public void AddEnums()
    {
        foreach (var definition in model.Enums)
        {
            var type = new EnumerationGraphType { Name = definition.Name };
            foreach (var value in definition.Values)
            {
                type.Add(value, value);
            }

            registry.Add(type);
        }
    }

    /// <summary>Registers the empty object types and their connections so fields can reference any of them.</summary>
    public void Declare()
    {
        foreach (var collection in model.Collections)
        {
            var type = new ObjectGraphType { Name = collection.Name };
            registry.Add(type);
            connections.Add(collection, type);
        }

        foreach (var embedded in model.EmbeddedTypes)
        {
            registry.Add(new ObjectGraphType { Name = embedded.Name });
        }
    }

    public ObjectGraphType For(string typeName) => registry.Get<ObjectGraphType>(typeName);

    public void Populate(RelationResolvers relations, ConnectionArguments arguments)
    {
        foreach (var collection in model.Collections)
        {
            var type = For(collection.Name);
            AddSystemFields(type);
            AddStoredFields(type, collection.Fields);
            foreach (var relation in collection.Relations)
            {
                type.AddField(relation.Kind == RelationKind.BelongsTo
                    ? BelongsTo(relation, relations)
                    : HasMany(relation, relations, arguments));
            }
        }

        foreach (var embedded in model.EmbeddedTypes)
        {
            AddStoredFields(For(embedded.Name), embedded.Fields);
        }
    }

    /// <summary>The GraphQL type of a stored field; <paramref name="input"/> picks embedded input types.</summary>
    public IGraphType FieldGraphType(ModelFieldType type, bool input, bool nullable)
    {
        IGraphType element = type.Kind switch
        {
            FieldKind.Scalar => registry.Scalar(type.TypeName),
            FieldKind.Enum => registry.Get<EnumerationGraphType>(type.TypeName),
            _ => input ? registry.Get<InputObjectGraphType>(TypeNames.EmbeddedInput(type.TypeName)) : For(type.TypeName),
        };
        if (type.IsList)
        {
            element = GraphTypeRegistry.ListOf(type.ElementNonNull ? GraphTypeRegistry.NonNull(element) : element);
        }

        return type.NonNull && !nullable ? GraphTypeRegistry.NonNull(element) : element;
    }

    private void AddSystemFields(ObjectGraphType type)
    {
        type.AddField(FieldFactory.Create(SystemFields.Id, GraphTypeRegistry.NonNull(registry.Id), c => Doc(c.Source).Id));
        type.AddField(FieldFactory.Create(SystemFields.Version, GraphTypeRegistry.NonNull(registry.Int), c => (int)Doc(c.Source).Version, "1 on create, +1 per update."));
        type.AddField(FieldFactory.Create(SystemFields.CreatedAt, GraphTypeRegistry.NonNull(registry.DateTime), c => Doc(c.Source).CreatedAt));
        type.AddField(FieldFactory.Create(SystemFields.UpdatedAt, GraphTypeRegistry.NonNull(registry.DateTime), c => Doc(c.Source).UpdatedAt));
        type.AddField(FieldFactory.Create(SystemFields.CreatedBy, registry.Id, c => Doc(c.Source).CreatedBy, "The subject that created the document."));
        type.AddField(FieldFactory.Create(SystemFields.UpdatedBy, registry.Id, c => Doc(c.Source).UpdatedBy, "The subject that last wrote the document."));
    }

    private void AddStoredFields(ObjectGraphType type, IReadOnlyList<FieldDefinition> fields)
    {
        foreach (var field in fields)
        {
            var name = field.Name;
            var fieldType = field.Type;
            // Embedded objects are guarded by the field that holds them; only a document's fields are checked here.
            type.AddField(FieldFactory.Create(
                name,
                FieldGraphType(fieldType, input: false, nullable: false),
                FieldAccess.Guard(name, c => FieldValueReader.ToOutput(FieldValueReader.Read(c.Source, name), fieldType))));
        }
    }

    private GraphQL.Types.FieldType BelongsTo(RelationDefinition relation, RelationResolvers relations)
    {
        IGraphType type = For(relation.TargetCollection);
        var field = FieldFactory.Create(
            relation.Name,
            relation.NonNull ? GraphTypeRegistry.NonNull(type) : type,
            FieldAccess.Guard(relation.Name, c => relations.ResolveBelongsTo(c, relation)),
            $"The {relation.TargetCollection} whose id is in '{relation.ForeignKeyField}'.");
        return field;
    }

    private GraphQL.Types.FieldType HasMany(RelationDefinition relation, RelationResolvers relations, ConnectionArguments arguments)
    {
        var target = model.GetCollection(relation.TargetCollection);
        var field = FieldFactory.Create(
            relation.Name,
            GraphTypeRegistry.NonNull(connections.For(target)),
            FieldAccess.Guard(relation.Name, c => relations.ResolveHasMany(c, relation)),
            $"The {target.Name} documents whose '{relation.ForeignKeyField}' is this document's id.");
        field.Arguments = arguments.Create(target);
        return field;
    }

    private static Document Doc(object? source) => (Document)source!;
}
