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
        services.AddOptions<SecurityOptions>().Bind(configuration.GetSection(SecurityOptions.SectionName));
        // Only the primary code is exposed: inner exception codes and data could describe internals.
        services.AddSingleton(new GraphQLSerializer(new ErrorInfoProvider(new ErrorInfoProviderOptions { ExposeCodes = false, ExposeData = false })));
        services.AddSingleton<GraphQLRequestExecutor>();
        return services;
    }
}
