namespace CollectionStore.Bench.LoadClient;

/// <summary>Percentiles of one measurement window, in milliseconds.</summary>
internal sealed record LatencySummary(long Count, double P50Ms, double P90Ms, double P99Ms, double MaxMs);
