using GraphQL.Types;
using GraphQLParser.AST;

namespace CollectionStore.Api.Schema.Types;

/// <summary>
/// The directives of the model language (<c>schema.graphql</c>), declared in the served schema so its SDL
/// documents how the API was generated. They apply to type-system locations only, never to operations.
/// </summary>
internal static class ModelDirectives
{
    public static void Register(GraphQL.Types.Schema schema, GraphTypeRegistry registry)
    {
        var requiredString = GraphTypeRegistry.NonNull(registry.String);
        schema.Directives.Register(
            Create("collection", "Makes an object type a collection: stored documents with a generated query, mutation and filter API.", DirectiveLocation.Object),
            Create("index", "Creates a store index on the field for faster filters and sorts.", DirectiveLocation.FieldDefinition),
            Create("unique", "The store rejects a second document with the same value (UNIQUE_VIOLATION).", DirectiveLocation.FieldDefinition),
            Create(
                "default",
                "The value a create applies when its input omits the field.",
                DirectiveLocation.FieldDefinition,
                new QueryArgument(GraphTypeRegistry.NonNull(new ModelValueGraphType())) { Name = "value" }),
            Create(
                "belongsTo",
                "Resolves the document of the field's type whose id is in the foreign-key field 'field' of this document.",
                DirectiveLocation.FieldDefinition,
                new QueryArgument(requiredString) { Name = "field", Description = "The foreign-key field of this collection." }),
            Create(
                "hasMany",
                "Resolves, as a connection, the documents of the list's type whose foreign-key field 'field' holds this document's id.",
                DirectiveLocation.FieldDefinition,
                new QueryArgument(requiredString) { Name = "field", Description = "The foreign-key field of the target collection." }));
    }

    private static Directive Create(string name, string description, DirectiveLocation location, params QueryArgument[] arguments) =>
        new(name, location)
        {
            Description = description,
            Arguments = arguments.Length == 0 ? null : new QueryArguments(arguments),
        };
}
