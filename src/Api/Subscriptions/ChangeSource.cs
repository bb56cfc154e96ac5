using System.Threading.Channels;
using CollectionStore.Domain.ChangeFeed;
using CollectionStore.Domain.Documents;
using CollectionStore.Domain.Model;
using CollectionStore.Domain.Store;

namespace CollectionStore.Api.Subscriptions;

/// <summary>
/// The event stream behind one <c>xChanged</c> field of one cohort: it receives the collection's committed changes
/// from the dispatcher, replays the feed after <c>since</c> first, turns each change into this view's event (or
/// nothing) and hands events to the cohort one at a time. Every change is considered once, in sequence order:
/// live changes that arrive during a replay wait in the queue and are skipped when the replay already covered them.
/// When the subscriber's access may have changed, the pump checks it between two events, so an ending never
/// interleaves with a delivery.
/// </summary>
internal sealed class ChangeSource(
    CollectionDefinition collection,
    SubscriberView view,
    long? since,
    ChangeDispatcher dispatcher,
    IDocumentStore store,
    ICohortGate gate,
    int capacity,
    ILogger logger) : IObservable<object?>, IDisposable
{
    private const int FeedBatchSize = 500;

    /// <summary>A source whose view never changes with the subscriber's access (a fixed check).</summary>
    public ChangeSource(
        CollectionDefinition collection,
        Func<Document, bool> inView,
        long? since,
        ChangeDispatcher dispatcher,
        IDocumentStore store,
        ICohortGate gate,
        int capacity,
        ILogger logger)
        : this(collection, SubscriberView.Fixed(inView), since, dispatcher, store, gate, capacity, logger)
    {
    }

    // A null entry wakes the pump to check the subscriber's access again.
    private readonly Channel<ChangeRecord?> _queue = Channel.CreateBounded<ChangeRecord?>(
        new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });

    private readonly CancellationTokenSource _stop = new();
    private IObserver<object?>? _observer;
    private IDisposable? _watch;
    private int _overflowed;
    private int _recheck;
    private int _disposed;

    public string Collection => collection.Name;

    /// <summary>Called by the dispatcher, in sequence order; never blocks it.</summary>
    public void Offer(ChangeRecord change)
    {
        if (!_queue.Writer.TryWrite(change))
        {
            // The queue is full: drop it and later re-read the feed, which holds every committed change.
            Interlocked.Exchange(ref _overflowed, 1);
        }
    }

    /// <summary>The subscriber's roles or attributes changed: its access is checked again before the next event.</summary>
    public void Recheck()
    {
        Interlocked.Exchange(ref _recheck, 1);

        // A full queue needs no wake-up: the pump is busy and looks at the flag before it waits again.
        _queue.Writer.TryWrite(null);
    }

    public IDisposable Subscribe(IObserver<object?> observer)
    {
        _observer = observer;
        _watch = view.Watch(Recheck);
        var start = dispatcher.Register(this);
        gate.Begin(since ?? start);
        _ = PumpAsync(since ?? start, _stop.Token);
        return this;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _watch?.Dispose();
            dispatcher.Unregister(this);
            _stop.Cancel();
        }
    }

    private async Task PumpAsync(long last, CancellationToken cancellationToken)
    {
        try
        {
            if (since is not null)
            {
                last = await CatchUpAsync(last, cancellationToken);
            }

            while (await _queue.Reader.WaitToReadAsync(cancellationToken))
            {
                DemandIfAsked();
                last = Interlocked.Exchange(ref _overflowed, 0) == 1
                    ? await RecoverAsync(last, cancellationToken)
                    : await DrainAsync(last, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The cohort closed.
        }
        catch (GraphQL.ExecutionError error)
        {
            gate.Fail(error);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            SubscriptionLog.SourceFailed(logger, ex, collection.Name);
            _observer?.OnError(ex);
        }
    }

    private async Task<long> DrainAsync(long last, CancellationToken cancellationToken)
    {
        while (Volatile.Read(ref _overflowed) == 0 && _queue.Reader.TryRead(out var change))
        {
            if (change is null)
            {
                DemandIfAsked();
            }
            else if (change.Sequence > last)
            {
                last = change.Sequence;
                await ConsiderAsync(change, cancellationToken);
            }
        }

        return last;
    }

    private async Task<long> RecoverAsync(long last, CancellationToken cancellationToken)
    {
        SubscriptionLog.SourceCatchingUp(logger, collection.Name, last);
        while (_queue.Reader.TryRead(out _))
        {
            // Everything queued is also in the feed, which is read next.
        }

        return await CatchUpAsync(last, cancellationToken);
    }

    private async Task<long> CatchUpAsync(long last, CancellationToken cancellationToken)
    {
        while (true)
        {
            var batch = await store.ReadChangesAsync(last, FeedBatchSize, cancellationToken);
            if (batch.Count == 0)
            {
                return last;
            }

            if (batch[0].Sequence > last + 1)
            {
                // The feed was pruned past this position: the changes in between are gone for good.
                throw SubscriptionErrors.ResyncRequired(last, batch[0].Sequence);
            }

            foreach (var change in batch)
            {
                last = change.Sequence;
                if (string.Equals(change.Collection, collection.Name, StringComparison.Ordinal))
                {
                    await ConsiderAsync(change, cancellationToken);
                }
            }
        }
    }

    /// <summary>Throws (ending the subscription) when a signalled change left the subscriber without access.</summary>
    private void DemandIfAsked()
    {
        if (Interlocked.Exchange(ref _recheck, 0) == 1)
        {
            view.Demand();
        }
    }

    private async Task ConsiderAsync(ChangeRecord change, CancellationToken cancellationToken)
    {
        if (ChangeView.Evaluate(change, collection, view.InView, view.Fields) is { } payload && _observer is { } observer)
        {
            await gate.DeliverAsync(payload, observer, cancellationToken);
        }
    }
}
