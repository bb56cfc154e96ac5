namespace CollectionStore.Api.Transport.Http;

/// <summary>Maps the GraphQL-over-HTTP endpoint.</summary>
internal static class GraphQLHttpEndpointExtensions
{
    public const string Path = "/graphql";

    public static IServiceCollection AddGraphQLHttpTransport(this IServiceCollection services) =>
        services.AddSingleton<GraphQLHttpEndpoint>();

    public static IEndpointConventionBuilder MapGraphQLHttp(this IEndpointRouteBuilder endpoints)
    {
        // Resolved per request (a singleton, so once) so that options are validated at start, not while mapping.
        return endpoints.Map(Path, context => context.RequestServices.GetRequiredService<GraphQLHttpEndpoint>().HandleAsync(context));
    }
}
