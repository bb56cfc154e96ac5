using CollectionStore.Domain.Model;
using GraphQL.Types;
using GraphQLFieldType = GraphQL.Types.FieldType;

namespace CollectionStore.Api.Schema.Types;

/// <summary>
/// The mutation inputs: <c>CreateTaskInput</c> (optional <c>id</c>; a field is required only when it is
/// non-null and has no <c>@default</c>), <c>UpdateTaskInput</c> (every field optional: a patch) and an
/// input type per embedded type (<c>LabelInput</c>), which always carries the whole embedded value.
/// </summary>
internal sealed class MutationInputTypes(GraphTypeRegistry registry, CollectionModel model, OutputTypes outputs)
{
    public void AddEmbeddedInputs()
    {
        foreach (var embedded in model.EmbeddedTypes)
        {
            registry.Add(new InputObjectGraphType { Name = TypeNames.EmbeddedInput(embedded.Name) });
        }

        foreach (var embedded in model.EmbeddedTypes)
        {
            var input = registry.Get<InputObjectGraphType>(TypeNames.EmbeddedInput(embedded.Name));
            foreach (var field in embedded.Fields)
            {
                Add(input, field.Name, outputs.FieldGraphType(field.Type, input: true, nullable: field.HasDefault));
            }
        }
    }

    public InputObjectGraphType Create(CollectionDefinition collection) =>
        registry.GetOrAdd(TypeNames.CreateInput(collection), () =>
        {
            var input = new InputObjectGraphType
            {
                Name = TypeNames.CreateInput(collection),
                Description = $"A new {collection.Name}; omitted fields with a @default get their default.",
            };
            Add(input, SystemFields.Id, registry.Id, "The new document's id; the server assigns a ULID when omitted.");
            foreach (var field in collection.Fields)
            {
                Add(input, field.Name, outputs.FieldGraphType(field.Type, input: true, nullable: field.HasDefault));
            }

            return input;
        });

    public InputObjectGraphType Update(CollectionDefinition collection) =>
        registry.GetOrAdd(TypeNames.UpdateInput(collection), () =>
        {
            var input = new InputObjectGraphType
            {
                Name = TypeNames.UpdateInput(collection),
                Description = $"A patch of a {collection.Name}: omitted fields keep their value, null clears a nullable field.",
            };
            foreach (var field in collection.Fields)
            {
                Add(input, field.Name, outputs.FieldGraphType(field.Type, input: true, nullable: true));
            }

            return input;
        });

    private static void Add(InputObjectGraphType input, string name, IGraphType type, string? description = null) =>
        input.AddField(new GraphQLFieldType { Name = name, ResolvedType = type, Description = description });
}
