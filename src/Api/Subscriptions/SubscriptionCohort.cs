using System.Security.Claims;
using System.Text;
using CollectionStore.Api.Execution;
using GraphQL;
using GraphQL.Transport;

namespace CollectionStore.Api.Subscriptions;

/// <summary>
/// Subscriptions with the same document, variables and visibility fingerprint: executed ONCE per event, the
/// result serialised once and offered to every member's sink. Events are executed one at a time in sequence
/// order, so a member sees them in order and the relation loaders of one event never serve another.
/// </summary>
internal sealed class SubscriptionCohort(
    string key,
    GraphQLRequestExecutor executor,
    GraphQL.SystemTextJson.GraphQLSerializer serializer,
    SubscriptionMetrics metrics,
    ILogger logger,
    Action<SubscriptionCohort> closed) : ICohortGate, IObserver<ExecutionResult>, IDisposable
{
    /// <summary>The user-context key under which a subscription's stream resolver finds its cohort.</summary>
    public const string UserContextKey = "CollectionStore.SubscriptionCohort";

    private readonly Lock _lock = new();
    private readonly List<SubscriptionMember> _members = [];
    private readonly SemaphoreSlim _resultReady = new(0);
    private readonly CancellationTokenSource _stop = new();
    private IDisposable? _subscription;
    private long _currentSequence;
    private bool _closed;
    private volatile bool _private;

    public string Key => key;

    /// <summary>True once the subscription replays from a <c>since</c>: nobody else may join it.</summary>
    public bool IsPrivate => _private;

    public void MarkPrivate() => _private = true;

    /// <summary>True once the cohort has closed: nobody can join it any more.</summary>
    public bool IsClosed
    {
        get
        {
            lock (_lock)
            {
                return _closed;
            }
        }
    }

    /// <summary>Adds a member unless the cohort has closed.</summary>
    public SubscriptionMember? TryJoin(ISubscriptionSink sink)
    {
        lock (_lock)
        {
            if (_closed)
            {
                return null;
            }

            var member = new SubscriptionMember(this, sink) { LastSequence = Interlocked.Read(ref _currentSequence) };
            _members.Add(member);
            metrics.MemberAdded();
            return member;
        }
    }

    /// <summary>Executes the subscription; returns the errors when it could not start, or null when it streams.</summary>
    public async Task<ExecutionResult?> StartAsync(
        GraphQLExecutionRequest request,
        ClaimsPrincipal? user,
        IServiceProvider services,
        CancellationToken cancellationToken)
    {
        metrics.CohortAdded();
        var userContext = new Dictionary<string, object?>(StringComparer.Ordinal) { [UserContextKey] = this };
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stop.Token);
        var outcome = await executor.ExecuteAsync(request, user, services, AllowedOperations.Subscription, userContext, linked.Token);
        if (outcome.Result.Streams is { Count: 1 } streams)
        {
            _subscription = streams.Values.Single().Subscribe(this);
            return null;
        }

        return outcome.Result.Errors is { Count: > 0 }
            ? outcome.Result
            : new ExecutionResult(new ExecutionError("The operation is not a subscription.") { Code = ErrorCodes.OperationNotAllowed });
    }

    public void Begin(long afterSequence)
    {
        lock (_lock)
        {
            Interlocked.Exchange(ref _currentSequence, afterSequence);
            foreach (var member in _members)
            {
                member.LastSequence = afterSequence;
            }
        }
    }

    public async ValueTask DeliverAsync(ChangeEventPayload payload, IObserver<object?> observer, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _currentSequence, payload.Sequence);
        observer.OnNext(payload);
        await _resultReady.WaitAsync(cancellationToken);
    }

    public void OnNext(ExecutionResult value)
    {
        try
        {
            metrics.Executed();
            ErrorMasking.Apply(value);
            var sequence = Interlocked.Read(ref _currentSequence);
            var subscriptionEvent = new SubscriptionEvent(Encoding.UTF8.GetBytes(serializer.Serialize(value)), sequence);
            FanOut(subscriptionEvent, sequence);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Thrown back into the executor's event queue, it would stall this stream silently: end the cohort.
            OnError(ex);
        }
        finally
        {
            _resultReady.Release();
        }
    }

    public void OnError(Exception error)
    {
        SubscriptionLog.CohortFailed(logger, error, key);
        var masked = Masked();
        foreach (var member in Snapshot())
        {
            member.End(sink => sink.Fail([masked]));
        }

        Close();
    }

    public void OnCompleted()
    {
        foreach (var member in Snapshot())
        {
            member.End(sink => sink.Complete());
        }

        Close();
    }

    /// <summary>Removes a member; the last one to leave closes the cohort.</summary>
    public void Leave(SubscriptionMember member)
    {
        bool empty;
        lock (_lock)
        {
            if (!_members.Remove(member))
            {
                return;
            }

            metrics.MemberRemoved();
            empty = _members.Count == 0;
        }

        if (empty)
        {
            Close();
        }
    }

    private void FanOut(SubscriptionEvent subscriptionEvent, long sequence)
    {
        var delivered = 0;
        foreach (var member in Snapshot())
        {
            switch (Offer(member, subscriptionEvent))
            {
                case true:
                    member.LastSequence = sequence;
                    delivered++;
                    break;
                case false:
                    metrics.SlowConsumer();
                    SubscriptionLog.SlowConsumer(logger, member.LastSequence);
                    member.End(sink => sink.Fail([SubscriptionErrors.SlowConsumer(member.LastSequence)]));
                    break;
                default:
                    member.End(sink => sink.Fail([Masked()]));
                    break;
            }
        }

        metrics.Delivered(delivered);
    }

    /// <summary>Offers an event to one member: true when taken, false when its queue is full, null when its sink threw.</summary>
    private bool? Offer(SubscriptionMember member, SubscriptionEvent subscriptionEvent)
    {
        try
        {
            return member.Sink.TryPublish(subscriptionEvent);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A transport's failure ends only its own operation, never the cohort's other members.
            SubscriptionLog.SinkFailed(logger, ex);
            return null;
        }
    }

    private static ExecutionError Masked() => new(ErrorMasking.Message) { Code = ErrorCodes.InternalServerError };

    private SubscriptionMember[] Snapshot()
    {
        lock (_lock)
        {
            return [.. _members];
        }
    }

    /// <summary>Closes the cohort: its members are dropped without a message (the transport is going away).</summary>
    public void Dispose() => Close();

    private void Close()
    {
        lock (_lock)
        {
            if (_closed)
            {
                return;
            }

            _closed = true;
            foreach (var member in _members)
            {
                metrics.MemberRemoved();
            }

            _members.Clear();
        }

        _subscription?.Dispose();
        _stop.Cancel();
        _stop.Dispose();

        // The semaphore is left to the collector: a change source may still be leaving its wait on it.
        metrics.CohortRemoved();
        closed(this);
    }
}
