using System.Collections.Concurrent;
using CollectionStore.Api.Execution;
using CollectionStore.Api.Subscriptions;
using GraphQL;
using GraphQL.SystemTextJson;
using GraphQLParser.AST;

namespace CollectionStore.Api.Transport.WebSockets;

/// <summary>
/// The operations of one WebSocket connection, for either sub-protocol: queries and mutations run once and send
/// one result and a completion; subscriptions run in the engine with a sink that frames each event. An operation
/// stopped by the client (even while it is still starting) sends nothing afterwards, and its id may be reused.
/// </summary>
internal sealed class OperationRunner(
    GraphQLRequestExecutor executor,
    SubscriptionEngine engine,
    GraphQLSerializer serializer,
    IServiceProvider services,
    ConnectionIdentity identity,
    WebSocketSender sender,
    OperationFrames frames,
    int maxOperations)
{
    private readonly ConcurrentDictionary<string, RunningOperation> _operations = new(StringComparer.Ordinal);

    public bool IsActive(string id) => _operations.ContainsKey(id);

    /// <summary>Starts an operation; false when the connection already runs its maximum.</summary>
    public bool TryStart(string id, GraphQLExecutionRequest request)
    {
        if (_operations.Count >= maxOperations)
        {
            return false;
        }

        var operation = new RunningOperation(id);
        if (!_operations.TryAdd(id, operation))
        {
            return false;
        }

        _ = RunAsync(operation, request);
        return true;
    }

    /// <summary>The client stopped the operation; unknown or finished ids are ignored.</summary>
    public async ValueTask StopAsync(string id)
    {
        if (_operations.TryRemove(id, out var operation))
        {
            await operation.StopAsync();
            operation.Dispose();
        }
    }

    public async ValueTask StopAllAsync()
    {
        foreach (var id in _operations.Keys)
        {
            await StopAsync(id);
        }
    }

    /// <summary>Sends an error for an operation that could not start, such as one over the connection's maximum.</summary>
    public void Reject(string id, ExecutionError error)
    {
        sender.TryEnqueueControl(frames.Error(id, [error]));
        if (frames.CompleteAfterError)
        {
            sender.TryEnqueueControl(OperationFrames.Complete(id));
        }
    }

    private async Task RunAsync(RunningOperation operation, GraphQLExecutionRequest request)
    {
        try
        {
            request = request with { Client = identity.Client };
            var outcome = await executor.ExecuteAsync(request, identity.Principal, services, AllowedOperations.QueryAndMutation, operation.Token);
            if (outcome is { Kind: ExecutionOutcomeKind.OperationNotAllowed, OperationType: OperationType.Subscription })
            {
                await SubscribeAsync(operation, request);
                return;
            }

            // An executed operation always answers with `next`, even when a non-null field error nulled `data`.
            if (outcome.Kind != ExecutionOutcomeKind.Executed)
            {
                Finish(operation, frames.Error(operation.Id, outcome.Result.Errors?.ToList() ?? []), error: true);
                return;
            }

            var payload = JsonFrames.Utf8(serializer.Serialize(outcome.Result));
            if (IsCurrent(operation))
            {
                sender.TryEnqueueControl(frames.Next(operation.Id, payload));
            }

            Finish(operation, OperationFrames.Complete(operation.Id), error: false);
        }
        catch (OperationCanceledException) when (operation.Token.IsCancellationRequested)
        {
            // Stopped by the client or the connection closed: nothing more is sent for it.
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Only this operation fails; the socket and the other operations go on.
            Finish(operation, frames.Error(operation.Id, [new ExecutionError("An internal error occurred.", exception) { Code = ErrorCodes.InternalServerError }]), error: true);
        }
    }

    private async Task SubscribeAsync(RunningOperation operation, GraphQLExecutionRequest request)
    {
        var sink = new OperationSink(this, operation);
        var started = await engine.SubscribeAsync(request, identity.Principal, sink, operation.Token);
        if (started.Handle is null)
        {
            Finish(operation, frames.Error(operation.Id, started.Errors?.Errors?.ToList() ?? []), error: true);
            return;
        }

        if (!operation.Attach(started.Handle))
        {
            // The client stopped it while it was starting.
            await started.Handle.DisposeAsync();
        }
    }

    private bool IsCurrent(RunningOperation operation) =>
        _operations.TryGetValue(operation.Id, out var current) && ReferenceEquals(current, operation);

    /// <summary>Ends an operation from the server side with its last message, unless the client already stopped it.</summary>
    private void Finish(RunningOperation operation, OutgoingMessage last, bool error)
    {
        if (!((ICollection<KeyValuePair<string, RunningOperation>>)_operations).Remove(new(operation.Id, operation)))
        {
            return;
        }

        sender.TryEnqueueControl(last);
        if (error && frames.CompleteAfterError)
        {
            sender.TryEnqueueControl(OperationFrames.Complete(operation.Id));
        }
    }

    private bool Publish(RunningOperation operation, byte[] prefix, ReadOnlyMemory<byte> payload) =>
        IsCurrent(operation) && sender.TryEnqueueEvent(OperationFrames.Next(prefix, payload));

    private byte[] NextPrefix(RunningOperation operation) => frames.NextPrefix(operation.Id);

    private void Fail(RunningOperation operation, IReadOnlyList<ExecutionError> errors) =>
        Finish(operation, frames.Error(operation.Id, errors), error: true);

    private void Complete(RunningOperation operation) => Finish(operation, OperationFrames.Complete(operation.Id), error: false);

    /// <summary>The sink the engine writes one operation's events to.</summary>
    private sealed class OperationSink(OperationRunner runner, RunningOperation operation) : ISubscriptionSink
    {
        // Every event of the operation has the same envelope: built once, not per delivery.
        private readonly byte[] _prefix = runner.NextPrefix(operation);

        public bool TryPublish(SubscriptionEvent subscriptionEvent) => runner.Publish(operation, _prefix, subscriptionEvent.Payload);

        public void Fail(IReadOnlyList<ExecutionError> errors) => runner.Fail(operation, errors);

        public void Complete() => runner.Complete(operation);
    }
}
