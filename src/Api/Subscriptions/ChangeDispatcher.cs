using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading.Channels;
using CollectionStore.Api.Bus;
using CollectionStore.Domain.ChangeFeed;
using CollectionStore.Domain.Store;

namespace CollectionStore.Api.Subscriptions;

/// <summary>
/// The one ordered consumer of the bus. It hands every committed change to the change sources of its
/// collection strictly in sequence order: a repeated notice is dropped, and a notice past a gap (a lost bus
/// message, or a notice from another node without the change itself) makes it read the missing range from
/// the store's change feed first.
/// </summary>
internal sealed class ChangeDispatcher(IChangeBus bus, IDocumentStore store, ILogger<ChangeDispatcher> logger) : BackgroundService
{
    private const int FeedBatchSize = 500;

    // Dropping the oldest notice when full is safe: the newest one survives and its gap is read from the feed.
    private readonly Channel<ChangeNotice> _inbox = Channel.CreateBounded<ChangeNotice>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    private readonly ConcurrentDictionary<string, ImmutableArray<ChangeSource>> _sources = new(StringComparer.Ordinal);
    private IDisposable? _busSubscription;
    private long _lastDispatched;

    /// <summary>The sequence of the last change handed to the sources.</summary>
    public long LastDispatched => Interlocked.Read(ref _lastDispatched);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Subscribe before reading the latest sequence: a change committed in between is then either in the
        // inbox (dispatched) or at most the latest (dropped as already seen), never missed.
        _busSubscription = bus.Subscribe(notice => _inbox.Writer.TryWrite(notice));
        Interlocked.Exchange(ref _lastDispatched, await store.GetLatestSequenceAsync(cancellationToken));
        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _busSubscription?.Dispose();
        await base.StopAsync(cancellationToken);
    }

    /// <summary>Starts handing changes of <paramref name="source"/>'s collection to it; returns the sequence it starts after.</summary>
    public long Register(ChangeSource source)
    {
        _sources.AddOrUpdate(source.Collection, _ => [source], (_, list) => list.Add(source));
        return LastDispatched;
    }

    /// <summary>
    /// Makes the dispatcher read the feed up to <paramref name="latest"/> (the store's latest sequence), for when
    /// bus notices may have been lost. Repeats and requests behind the last dispatched change are ignored.
    /// </summary>
    public void RequestCatchUp(long latest) =>
        _inbox.Writer.TryWrite(new ChangeNotice(latest, string.Empty, string.Empty, null));

    /// <summary>
    /// Compares the store's latest sequence with the last change dispatched and, when this node is behind, reads the
    /// difference from the feed; for the bus's catch-up after lost notices, reconnects and silence.
    /// </summary>
    public async Task<(long Latest, long Dispatched)> CatchUpWithStoreAsync(CancellationToken cancellationToken)
    {
        var latest = await store.GetLatestSequenceAsync(cancellationToken);
        var dispatched = LastDispatched;
        if (latest > dispatched)
        {
            RequestCatchUp(latest);
        }

        return (latest, dispatched);
    }

    public void Unregister(ChangeSource source) =>
        _sources.AddOrUpdate(source.Collection, _ => [], (_, list) => list.Remove(source));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var notice in _inbox.Reader.ReadAllAsync(stoppingToken))
            {
                await HandleAsync(notice, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task HandleAsync(ChangeNotice notice, CancellationToken cancellationToken)
    {
        var last = LastDispatched;
        if (notice.Sequence <= last)
        {
            return;
        }

        if (notice.Sequence == last + 1 && notice.Record is { } record)
        {
            Dispatch(record);
            return;
        }

        try
        {
            await CatchUpAsync(notice.Sequence, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The next notice retries from the last change dispatched; the feed still holds the rest.
            SubscriptionLog.CatchUpFailed(logger, ex, last, notice.Sequence);
        }
    }

    private async Task CatchUpAsync(long upTo, CancellationToken cancellationToken)
    {
        SubscriptionLog.FillingGap(logger, LastDispatched, upTo);
        while (LastDispatched < upTo)
        {
            var batch = await store.ReadChangesAsync(LastDispatched, (int)Math.Min(FeedBatchSize, upTo - LastDispatched), cancellationToken);
            if (batch.Count == 0)
            {
                return;
            }

            foreach (var change in batch)
            {
                Dispatch(change);
            }
        }
    }

    private void Dispatch(ChangeRecord change)
    {
        Interlocked.Exchange(ref _lastDispatched, change.Sequence);
        if (_sources.TryGetValue(change.Collection, out var sources))
        {
            foreach (var source in sources)
            {
                source.Offer(change);
            }
        }
    }
}
