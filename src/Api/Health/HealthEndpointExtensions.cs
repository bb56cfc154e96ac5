using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace CollectionStore.Api.Health;

/// <summary>Registers the dependency checks and maps <c>GET /health</c>.</summary>
internal static class HealthEndpointExtensions
{
    public static IServiceCollection AddCollectionStoreHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<StoreHealthCheck>("store")
            .AddCheck<BusHealthCheck>("bus");
        return services;
    }

    public static IEndpointConventionBuilder MapCollectionStoreHealth(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthResponseWriter.WriteAsync });
}
