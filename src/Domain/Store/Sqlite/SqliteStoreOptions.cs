using CollectionStore.Domain.ChangeFeed;

namespace CollectionStore.Domain.Store.Sqlite;

/// <summary>
/// Settings of the embedded SQLite store. A write that finds the database busy or locked (another process
/// holds the write lock) waits up to <see cref="BusyTimeout"/> inside SQLite, then is retried
/// <see cref="BusyRetryCount"/> more times <see cref="BusyRetryDelay"/> apart before failing with
/// <see cref="StoreBusyException"/>. The change feed keeps rows younger than <see cref="RetentionMaxAge"/> and at
/// most the newest <see cref="RetentionMaxCount"/>.
/// </summary>
public sealed record SqliteStoreOptions
{
    /// <summary>A Microsoft.Data.Sqlite connection string, e.g. <c>Data Source=collectionstore.db</c>.</summary>
    public required string ConnectionString { get; init; }

    public int BusyRetryCount { get; init; } = 10;

    public TimeSpan BusyRetryDelay { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// How long one attempt waits for a lock (SQLite's <c>busy_timeout</c>). Microsoft.Data.Sqlite also retries a
    /// busy statement itself for its command timeout, which has a floor of one second.
    /// </summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan RetentionMaxAge { get; init; } = TimeSpan.FromDays(7);

    public long RetentionMaxCount { get; init; } = 1_000_000;

    /// <summary>Called when a change listener throws; the write has committed regardless. Null ignores it.</summary>
    public Action<ChangeRecord, Exception>? ListenerFailed { get; init; }
}
