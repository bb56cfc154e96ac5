using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;

namespace CollectionStore.Api.Schema;

/// <summary>Prints the generated schema, model directives included, in a stable order (served by <c>GET /graphql?sdl</c>).</summary>
internal static class SchemaSdl
{
    public static string Print(ISchema schema) => schema.Print(new PrintOptions
    {
        IncludeDescriptions = true,
        IncludeDeprecationReasons = true,
        StringComparison = StringComparison.Ordinal,
    });
}
