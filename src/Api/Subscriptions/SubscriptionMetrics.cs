using System.Diagnostics.Metrics;

namespace CollectionStore.Api.Subscriptions;

/// <summary>
/// The engine's counters: live members and cohorts, selection-set executions and deliveries, and open
/// streaming connections. Published on the <c>CollectionStore</c> meter and readable directly (tests, /metrics).
/// </summary>
internal sealed class SubscriptionMetrics : IDisposable
{
    public const string MeterName = "CollectionStore";

    private readonly Meter _meter;
    private long _active;
    private long _cohorts;
    private long _executions;
    private long _deliveries;
    private long _connections;
    private long _slowConsumers;

    public SubscriptionMetrics()
    {
        _meter = new Meter(MeterName);
        _meter.CreateObservableGauge("collectionstore.subscriptions.active", () => Active);
        _meter.CreateObservableGauge("collectionstore.subscriptions.cohorts", () => Cohorts);
        _meter.CreateObservableCounter("collectionstore.subscriptions.executions", () => Executions);
        _meter.CreateObservableCounter("collectionstore.subscriptions.deliveries", () => Deliveries);
        _meter.CreateObservableGauge("collectionstore.connections.active", () => Connections);
        _meter.CreateObservableCounter("collectionstore.subscriptions.slow_consumers", () => SlowConsumers);
    }

    public long Active => Interlocked.Read(ref _active);

    public long Cohorts => Interlocked.Read(ref _cohorts);

    public long Executions => Interlocked.Read(ref _executions);

    public long Deliveries => Interlocked.Read(ref _deliveries);

    public long Connections => Interlocked.Read(ref _connections);

    public long SlowConsumers => Interlocked.Read(ref _slowConsumers);

    public void MemberAdded() => Interlocked.Increment(ref _active);

    public void MemberRemoved() => Interlocked.Decrement(ref _active);

    public void CohortAdded() => Interlocked.Increment(ref _cohorts);

    public void CohortRemoved() => Interlocked.Decrement(ref _cohorts);

    public void Executed() => Interlocked.Increment(ref _executions);

    public void Delivered(int count) => Interlocked.Add(ref _deliveries, count);

    public void ConnectionOpened() => Interlocked.Increment(ref _connections);

    public void ConnectionClosed() => Interlocked.Decrement(ref _connections);

    public void SlowConsumer() => Interlocked.Increment(ref _slowConsumers);

    public void Dispose() => _meter.Dispose();
}
