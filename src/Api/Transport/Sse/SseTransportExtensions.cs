using CollectionStore.Api.Transport.HttpStreams;
using CollectionStore.Api.Transport.Sse.Cluster;

namespace CollectionStore.Api.Transport.Sse;

/// <summary>Registers GraphQL over SSE (both modes); <c>/graphql</c> hands SSE requests to <see cref="SseEndpoint"/>.</summary>
internal static class SseTransportExtensions
{
    /// <summary>Registers both modes; with <c>ConnectionStrings:Redis</c> in <paramref name="configuration"/>, reservations span nodes.</summary>
    public static IServiceCollection AddSseTransport(this IServiceCollection services, IConfiguration? configuration = null)
    {
        services.AddHttpStreams();
        services.AddSingleton<SseStreamRunner>();
        services.AddSingleton<SseReservations>();
        services.AddSingleton<SseOperationStarter>();
        services.AddSingleton<SseDistinctHandler>();
        services.AddSingleton<SseSingleConnectionHandler>();
        services.AddSingleton<SseEndpoint>();
        if (configuration is not null)
        {
            services.AddSseCluster(configuration);
        }

        return services;
    }
}
