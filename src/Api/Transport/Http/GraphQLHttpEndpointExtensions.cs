namespace CollectionStore.Api.Transport.Http;

/// <summary>Maps the GraphQL-over-HTTP endpoint.</summary>
internal static class GraphQLHttpEndpointExtensions
{
    public const string Path = "/graphql";

    public static IServiceCollection AddGraphQLHttpTransport(this IServiceCollection services) =>
        services.AddSingleton<GraphQLHttpEndpoint>();

    public static IEndpointConventionBuilder MapGraphQLHttp(this IEndpointRouteBuilder endpoints)
    {
        var endpoint = endpoints.ServiceProvider.GetRequiredService<GraphQLHttpEndpoint>();
        return endpoints.Map(Path, endpoint.HandleAsync);
    }
}
