using CollectionStore.Api.Transport.HttpStreams;

namespace CollectionStore.Api.Transport.Sse;

/// <summary>Registers GraphQL over SSE (both modes); <c>/graphql</c> hands SSE requests to <see cref="SseEndpoint"/>.</summary>
internal static class SseTransportExtensions
{
    public static IServiceCollection AddSseTransport(this IServiceCollection services)
    {
        services.AddHttpStreams();
        services.AddSingleton<SseStreamRunner>();
        services.AddSingleton<SseReservations>();
        services.AddSingleton<SseOperationStarter>();
        services.AddSingleton<SseDistinctHandler>();
        services.AddSingleton<SseSingleConnectionHandler>();
        services.AddSingleton<SseEndpoint>();
        return services;
    }
}
