using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;

namespace CollectionStore.Api.Transport.Http;

/// <summary>Prints the served schema as SDL for <c>GET /graphql?sdl</c>.</summary>
internal static class SdlPrinter
{
    public static string Print(ISchema schema) => schema.Print(new PrintOptions { IncludeDescriptions = true });
}
