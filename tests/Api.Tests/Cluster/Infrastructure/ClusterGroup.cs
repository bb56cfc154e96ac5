namespace CollectionStore.Api.Tests.Cluster.Infrastructure;

/// <summary>Tests that run redis-server and API processes: one at a time, so their timings do not disturb each other.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClusterGroup
{
    public const string Name = "Cluster";
}
