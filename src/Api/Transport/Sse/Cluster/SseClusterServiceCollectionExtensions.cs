namespace CollectionStore.Api.Transport.Sse.Cluster;

/// <summary>
/// Shares single-connection reservations between nodes when <c>ConnectionStrings:Redis</c> is set; otherwise
/// registers nothing and single connection mode stays within one node. Uses the Redis settings and connection
/// that <c>AddRedisBus</c> registers, so call it after that.
/// </summary>
internal static class SseClusterServiceCollectionExtensions
{
    public static IServiceCollection AddSseCluster(this IServiceCollection services, IConfiguration configuration)
    {
        if (string.IsNullOrWhiteSpace(configuration.GetConnectionString("Redis")))
        {
            return services;
        }

        services.AddSingleton<SseClusterDirectory>();
        services.AddSingleton<SseRemoteRunner>();
        services.AddSingleton<SseNodeChannel>();
        services.AddHostedService(provider => provider.GetRequiredService<SseNodeChannel>());
        services.AddSingleton<SseClusterEndpoint>();
        return services;
    }
}
