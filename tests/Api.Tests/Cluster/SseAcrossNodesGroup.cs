namespace CollectionStore.Api.Tests.Cluster;

/// <summary>The tests that share <see cref="SseClusterFixture"/> run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class SseAcrossNodesGroup : ICollectionFixture<SseClusterFixture>
{
    public const string Name = "SSE across nodes";
}
