using HdrHistogram;

namespace CollectionStore.Bench.LoadClient;

/// <summary>
/// Every delivery's latency (microseconds from the mutation being sent to the event arriving) in one
/// HdrHistogram, plus the delivery count and the last arrival. Receive loops record concurrently.
/// </summary>
internal sealed class LatencyRecorder
{
    private readonly Lock _lock = new();
    private readonly LongHistogram _histogram = new(60_000_000, 3);
    private long _deliveries;
    private long _lastArrivalNs;

    public long Deliveries => Interlocked.Read(ref _deliveries);

    /// <summary>Unix time of the newest arrival, in nanoseconds.</summary>
    public long LastArrivalNs => Interlocked.Read(ref _lastArrivalNs);

    public void Record(long sentNs, long arrivedNs)
    {
        var micros = Math.Clamp((arrivedNs - sentNs) / 1000, 0, 60_000_000);
        lock (_lock)
        {
            _histogram.RecordValue(micros);
            if (arrivedNs > _lastArrivalNs)
            {
                _lastArrivalNs = arrivedNs;
            }

            _deliveries++;
        }
    }

    /// <summary>Starts a new measurement window.</summary>
    public void Reset()
    {
        lock (_lock)
        {
            _histogram.Reset();
            _deliveries = 0;
            _lastArrivalNs = 0;
        }
    }

    public LatencySummary Summary()
    {
        lock (_lock)
        {
            return new LatencySummary(
                _deliveries,
                Millis(_histogram.GetValueAtPercentile(50)),
                Millis(_histogram.GetValueAtPercentile(90)),
                Millis(_histogram.GetValueAtPercentile(99)),
                Millis(_histogram.GetMaxValue()));
        }
    }

    private static double Millis(long micros) => Math.Round(micros / 1000.0, 2);
}
