using CollectionStore.Api.Bus.Redis;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CollectionStore.Api.Transport.Sse.Cluster;

/// <summary>
/// Shares single-connection reservations between nodes when <c>ConnectionStrings:Redis</c> is set; otherwise
/// registers nothing and single connection mode stays within one node.
/// </summary>
internal static class SseClusterServiceCollectionExtensions
{
    public static IServiceCollection AddSseCluster(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("Redis");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return services;
        }

        // The change bus registers the same settings and connection; whichever comes first wins, both agree.
        services.AddOptions<RedisBusOptions>()
            .Bind(configuration.GetSection(RedisBusOptions.SectionName))
            .Configure(options => options.ConnectionString = connectionString);
        services.TryAddSingleton<RedisConnection>();
        services.AddSingleton<SseClusterDirectory>();
        services.AddSingleton<SseRemoteRunner>();
        services.AddSingleton<SseNodeChannel>();
        services.AddHostedService(provider => provider.GetRequiredService<SseNodeChannel>());
        services.AddSingleton<SseClusterEndpoint>();
        return services;
    }
}
