namespace CollectionStore.Api.Subscriptions;

/// <summary><c>GET /metrics</c>: the engine's counters as JSON, for operators, tests and the benchmark.</summary>
internal static class MetricsEndpointExtensions
{
    public static IEndpointRouteBuilder MapSubscriptionMetrics(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/metrics", (SubscriptionMetrics metrics) => Results.Json(new
        {
            subscriptions = new { active = metrics.Active, cohorts = metrics.Cohorts, executions = metrics.Executions, deliveries = metrics.Deliveries, slowConsumers = metrics.SlowConsumers },
            connections = new { active = metrics.Connections },
            process = new { managedHeapBytes = GC.GetTotalMemory(forceFullCollection: false), workingSetBytes = Environment.WorkingSet },
        }));
        return endpoints;
    }
}
