using CollectionStore.Api.Bus;
using CollectionStore.Api.Bus.Redis;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CollectionStore.Api.Health;

/// <summary>
/// The event bus between nodes. The in-memory bus of a single node is always healthy; the Redis bus is degraded
/// (not unhealthy: the node still serves its own changes and polls the store) while Redis is unreachable.
/// </summary>
internal sealed class BusHealthCheck(IChangeBus bus) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (bus is not RedisChangeBus redis)
        {
            return Task.FromResult(HealthCheckResult.Healthy(data: new Dictionary<string, object> { ["kind"] = bus.Kind }));
        }

        var state = redis.State;
        var data = new Dictionary<string, object> { ["kind"] = bus.Kind, ["state"] = state.ToString().ToLowerInvariant(), ["node"] = redis.NodeId };
        if (state == RedisBusState.Connected)
        {
            return Task.FromResult(HealthCheckResult.Healthy(data: data));
        }

        data["lastError"] = redis.LastError ?? "not connected yet";
        return Task.FromResult(HealthCheckResult.Degraded("Redis is unreachable; this node delivers local changes only.", data: data));
    }
}
