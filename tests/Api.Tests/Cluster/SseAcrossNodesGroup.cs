namespace CollectionStore.Api.Tests.Cluster;

/// <summary>The tests that share <see cref="SseClusterFixture"/> run one at a time, and alone, so process timings stay calm.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SseAcrossNodesGroup : ICollectionFixture<SseClusterFixture>
{
    public const string Name = "SSE across nodes";
}
