using CollectionStore.Api.Configuration;
using GraphQL.Execution;
using GraphQL.SystemTextJson;

namespace CollectionStore.Api.Execution;

/// <summary>Registers the transport-independent GraphQL executor and its options.</summary>
internal static class ExecutionServiceCollectionExtensions
{
    public static IServiceCollection AddGraphQLExecution(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LimitsOptions>()
            .Bind(configuration.GetSection(LimitsOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(new GraphQLSerializer(new ErrorInfoProvider()));
        services.AddSingleton<GraphQLRequestExecutor>();
        return services;
    }
}
