using CollectionStore.Domain.ChangeFeed;
using Npgsql;

namespace CollectionStore.Domain.Store.Postgres;

/// <summary>
/// Settings of the PostgreSQL store. <see cref="DataSource"/> is the process's one Npgsql data source (its pool),
/// shared with the identity tables. A write that meets a deadlock or a serialization failure is retried
/// <see cref="TransientRetryCount"/> times; the change feed keeps rows younger than <see cref="RetentionMaxAge"/> and
/// at most the newest <see cref="RetentionMaxCount"/>.
/// </summary>
public sealed record PostgresStoreOptions
{
    public required NpgsqlDataSource DataSource { get; init; }

    public int TransientRetryCount { get; init; } = 10;

    public TimeSpan TransientRetryDelay { get; init; } = TimeSpan.FromMilliseconds(20);

    public TimeSpan RetentionMaxAge { get; init; } = TimeSpan.FromDays(7);

    public long RetentionMaxCount { get; init; } = 1_000_000;

    /// <summary>
    /// When set, every write also sends <c>NOTIFY</c> on this channel with its sequence, delivered by PostgreSQL at
    /// commit, so nodes without another bus hear of each other's changes.
    /// </summary>
    public string? NotifyChannel { get; init; }

    /// <summary>Called when a change listener throws; the write has committed regardless. Null ignores it.</summary>
    public Action<ChangeRecord, Exception>? ListenerFailed { get; init; }
}
