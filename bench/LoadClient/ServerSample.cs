namespace CollectionStore.Bench.LoadClient;

/// <summary>One reading of the server: CPU seconds so far, RSS, managed heap and the /metrics counters.</summary>
internal sealed record ServerSample(
    double CpuSeconds,
    long RssBytes,
    long HeapBytes,
    long Active,
    long Cohorts,
    long Executions,
    long Deliveries,
    long SlowConsumers,
    long Connections);
