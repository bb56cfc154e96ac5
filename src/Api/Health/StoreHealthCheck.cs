using CollectionStore.Domain.Store;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CollectionStore.Api.Health;

/// <summary>The store is healthy when a cheap query (the latest change-feed sequence) succeeds.</summary>
internal sealed class StoreHealthCheck(IDocumentStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.GetLatestSequenceAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The store did not answer.", ex);
        }
    }
}
