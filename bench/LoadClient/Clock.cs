namespace CollectionStore.Bench.LoadClient;

/// <summary>Wall-clock nanoseconds since the Unix epoch: the timestamp embedded in mutations, comparable across processes.</summary>
internal static class Clock
{
    public static long NowNs() => (DateTime.UtcNow.Ticks - DateTime.UnixEpoch.Ticks) * 100;
}
