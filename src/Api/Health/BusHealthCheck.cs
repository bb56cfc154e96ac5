using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CollectionStore.Api.Health;

/// <summary>The event bus between nodes; the in-memory bus of a single node is always healthy.</summary>
internal sealed class BusHealthCheck : IHealthCheck
{
    private static readonly IReadOnlyDictionary<string, object> InMemory = new Dictionary<string, object> { ["kind"] = "in-memory" };

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(HealthCheckResult.Healthy(data: InMemory));
}
