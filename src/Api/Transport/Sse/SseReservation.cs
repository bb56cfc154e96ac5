using CollectionStore.Api.Transport.HttpStreams;
using CollectionStore.Api.Transport.WebSockets;

namespace CollectionStore.Api.Transport.Sse;

/// <summary>
/// A single-connection reservation: its token, the subject that made it, its operations and the writer of its one
/// stream. Events of operations started before the stream connects wait in the writer's bounded queue. Closing it
/// (stream gone, expiry, shutdown) stops every operation and gives its stream place back.
/// </summary>
internal sealed class SseReservation(string token, string? owner, StreamLease lease, int sendQueueCapacity, int maxOperations)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, RunningOperation> _operations = new(StringComparer.Ordinal);
    private ITimer? _expiry;
    private bool _connected;
    private bool _closed;

    public string Token => token;

    /// <summary>The <c>sub</c> of whoever reserved it; null for an anonymous caller.</summary>
    public string? Owner => owner;

    public SseWriter Writer { get; } = new(sendQueueCapacity);

    public void SetExpiry(ITimer expiry) => _expiry = expiry;

    /// <summary>True once a stream claimed it (or it is being dropped).</summary>
    public bool IsConnected
    {
        get
        {
            lock (_lock)
            {
                return _connected;
            }
        }
    }

    /// <summary>Claims the reservation for a stream; false when a stream already did (or it closed).</summary>
    public bool TryConnect()
    {
        lock (_lock)
        {
            if (_connected || _closed)
            {
                return false;
            }

            _connected = true;
        }

        _expiry?.Dispose();
        return true;
    }

    public SseOperationAdd TryAdd(RunningOperation operation)
    {
        lock (_lock)
        {
            if (_closed)
            {
                return SseOperationAdd.Closed;
            }

            if (_operations.ContainsKey(operation.Id))
            {
                return SseOperationAdd.Duplicate;
            }

            if (_operations.Count >= maxOperations)
            {
                return SseOperationAdd.TooMany;
            }

            _operations.Add(operation.Id, operation);
            return SseOperationAdd.Added;
        }
    }

    /// <summary>True while <paramref name="operation"/> is the live operation under its id.</summary>
    public bool IsCurrent(RunningOperation operation)
    {
        lock (_lock)
        {
            return _operations.TryGetValue(operation.Id, out var current) && ReferenceEquals(current, operation);
        }
    }

    /// <summary>Removes exactly this operation; false when it was already removed (stopped or finished).</summary>
    public bool Remove(RunningOperation operation)
    {
        lock (_lock)
        {
            return IsCurrentUnlocked(operation) && _operations.Remove(operation.Id);
        }
    }

    /// <summary>Stops the operation with this id, if any, and removes it.</summary>
    public async ValueTask StopAsync(string operationId)
    {
        RunningOperation? operation;
        lock (_lock)
        {
            if (!_operations.Remove(operationId, out operation))
            {
                return;
            }
        }

        await operation.StopAsync();
        operation.Dispose();
    }

    /// <summary>
    /// Ends every operation with one final result (the same error payload for each, then its <c>complete</c>)
    /// and closes the reservation, so its stream ends after those frames.
    /// </summary>
    public async ValueTask EndAsync(ReadOnlyMemory<byte> finalPayload)
    {
        string[] ids;
        lock (_lock)
        {
            ids = [.. _operations.Keys];
        }

        foreach (var id in ids)
        {
            Writer.TryEnqueueControl(SseFrames.NextFor(id, finalPayload));
            Writer.TryEnqueueControl(SseFrames.CompleteFor(id));
        }

        await CloseAsync();
    }

    /// <summary>Closes once: stops every operation, ends the writer, releases the stream place.</summary>
    public async ValueTask CloseAsync()
    {
        List<RunningOperation> operations;
        lock (_lock)
        {
            if (_closed)
            {
                return;
            }

            _closed = true;
            operations = [.. _operations.Values];
            _operations.Clear();
        }

        _expiry?.Dispose();
        foreach (var operation in operations)
        {
            await operation.StopAsync();
            operation.Dispose();
        }

        Writer.Complete();
        lease.Dispose();
    }

    private bool IsCurrentUnlocked(RunningOperation operation) =>
        _operations.TryGetValue(operation.Id, out var current) && ReferenceEquals(current, operation);
}
