using CollectionStore.Api.Bus.Redis;
using CollectionStore.Api.Subscriptions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CollectionStore.Api.Bus.Postgres;

/// <summary>Registers the PostgreSQL change listener when the deployment uses a NOTIFY channel instead of Redis.</summary>
internal static class PostgresNotifyServiceCollectionExtensions
{
    public static IServiceCollection AddPostgresChangeListener(this IServiceCollection services, NpgsqlDataSource? dataSource, string? channel)
    {
        if (dataSource is null || channel is null)
        {
            return services;
        }

        services.AddHostedService(provider => new PostgresChangeListener(
            dataSource,
            channel,
            provider.GetRequiredService<ChangeDispatcher>(),
            provider.GetRequiredService<IOptions<RedisBusOptions>>(),
            provider.GetRequiredService<ILogger<PostgresChangeListener>>()));
        return services;
    }
}
