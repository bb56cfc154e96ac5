using CollectionStore.Domain.ChangeFeed;

namespace CollectionStore.Domain.Tests.Store;

/// <summary>Store settings every provider has.</summary>
internal sealed record TestStoreOptions
{
    public TimeSpan RetentionMaxAge { get; init; } = TimeSpan.FromDays(7);

    public long RetentionMaxCount { get; init; } = 1_000_000;

    public Action<ChangeRecord, Exception>? ListenerFailed { get; init; }
}
