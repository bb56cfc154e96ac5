using System.ComponentModel.DataAnnotations;

namespace CollectionStore.Api.Configuration;

/// <summary>Store tuning (configuration section <c>Store</c>): busy retries and change-feed retention.</summary>
internal sealed class StoreSettings
{
    public const string SectionName = "Store";

    [Range(0, 1000)]
    public int BusyRetryCount { get; set; } = 10;

    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan BusyRetryDelay { get; set; } = TimeSpan.FromMilliseconds(20);

    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(5);

    [Range(typeof(TimeSpan), "00:00:01", "3650.00:00:00")]
    public TimeSpan RetentionMaxAge { get; set; } = TimeSpan.FromDays(7);

    [Range(1, long.MaxValue)]
    public long RetentionMaxCount { get; set; } = 1_000_000;

    /// <summary>How often the change feed is pruned to the retention limits.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan RetentionInterval { get; set; } = TimeSpan.FromMinutes(1);
}
