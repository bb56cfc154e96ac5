using CollectionStore.Api.Subscriptions;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CollectionStore.Api.Bus.Redis;

/// <summary>
/// Binds the <c>Bus</c> settings (and <c>ConnectionStrings:Redis</c>) and, when Redis is configured, replaces the
/// in-memory bus with the Redis bus, its catch-up and the identity-signal bridge. Call after the subscription engine.
/// </summary>
internal static class RedisBusServiceCollectionExtensions
{
    public static IServiceCollection AddRedisBus(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("Redis") ?? string.Empty;
        services.AddOptions<RedisBusOptions>()
            .BindConfiguration(RedisBusOptions.SectionName)
            .Configure(options => options.ConnectionString = connectionString);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return services;
        }

        services.AddSingleton<RedisConnection>();
        services.AddSingleton<RedisChangeBus>();
        services.Replace(ServiceDescriptor.Singleton<IChangeBus>(provider => provider.GetRequiredService<RedisChangeBus>()));
        services.AddHostedService(provider => provider.GetRequiredService<RedisChangeBus>());
        services.AddHostedService<BusCatchUpService>();
        services.AddHostedService<RedisIdentityBridge>();
        return services;
    }
}
