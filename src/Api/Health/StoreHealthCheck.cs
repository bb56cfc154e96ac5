using CollectionStore.Domain.Store;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CollectionStore.Api.Health;

/// <summary>The store (its <c>kind</c>: sqlite or postgresql) is healthy when a cheap query (the latest change-feed sequence) succeeds.</summary>
internal sealed class StoreHealthCheck(IDocumentStore store, Configuration.StoreConnection connection) : IHealthCheck
{
    private Dictionary<string, object> Data => new()
    {
        ["kind"] = connection.Provider == StoreProvider.PostgreSql ? "postgresql" : "sqlite",
    };

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.GetLatestSequenceAsync(cancellationToken);
            return HealthCheckResult.Healthy(data: Data);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The store did not answer.", ex, Data);
        }
    }
}
