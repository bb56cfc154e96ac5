using CollectionStore.Api.Execution;
using CollectionStore.Api.Subscriptions;
using CollectionStore.Api.Transport.HttpStreams;
using CollectionStore.Api.Transport.WebSockets;
using GraphQL;
using GraphQL.SystemTextJson;
using GraphQLParser.AST;

namespace CollectionStore.Api.Transport.Sse;

/// <summary>
/// Runs one single-connection operation already registered on its reservation. Request errors of queries and
/// mutations are answered on the HTTP request as GraphQL over HTTP says (400, or 405 for a mutation over GET);
/// otherwise the answer is 202 and the results go to the stream. A subscription's start errors (validation,
/// RESYNC_REQUIRED…) also go to the stream, as its <c>next</c> and <c>complete</c>. 204 when the client stopped the
/// operation before it started.
/// </summary>
internal sealed class SseOperationStarter(GraphQLRequestExecutor executor, SubscriptionEngine engine, GraphQLSerializer serializer)
{
    public async Task StartAsync(HttpContext context, SseReservation reservation, RunningOperation operation, GraphQLExecutionRequest request, bool isGet)
    {
        var allowed = isGet ? AllowedOperations.Query : AllowedOperations.QueryAndMutation;
        GraphQLExecutionOutcome outcome;
        try
        {
            outcome = await executor.ExecuteAsync(request with { Client = Identity.RequestClient.FromHttp(context, "sse") }, context.User, context.RequestServices, allowed, operation.Token);
        }
        catch (OperationCanceledException) when (operation.Token.IsCancellationRequested)
        {
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return;
        }

        if (outcome is { Kind: ExecutionOutcomeKind.OperationNotAllowed, OperationType: OperationType.Subscription })
        {
            await SubscribeAsync(context, reservation, operation, request);
            return;
        }

        if (!reservation.Remove(operation))
        {
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return;
        }

        operation.Dispose();
        if (outcome.Kind == ExecutionOutcomeKind.OperationNotAllowed)
        {
            context.Response.Headers.Allow = HttpMethods.Post;
            await StreamResponses.WriteErrorAsync(context, StatusCodes.Status405MethodNotAllowed, "Mutations cannot be sent over GET; use POST.", ErrorCodes.OperationNotAllowed, context.RequestAborted);
            return;
        }

        if (outcome.Kind == ExecutionOutcomeKind.RequestError)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            context.Response.ContentType = "application/json; charset=utf-8";
            await serializer.WriteAsync(context.Response.Body, outcome.Result, context.RequestAborted);
            return;
        }

        reservation.Writer.TryEnqueueControl(SseFrames.NextFor(operation.Id, SsePayloads.Result(serializer, outcome.Result)));
        reservation.Writer.TryEnqueueControl(SseFrames.CompleteFor(operation.Id));
        context.Response.StatusCode = StatusCodes.Status202Accepted;
    }

    private async Task SubscribeAsync(HttpContext context, SseReservation reservation, RunningOperation operation, GraphQLExecutionRequest request)
    {
        var sink = new ReservationSink(reservation, operation, serializer);
        SubscriptionStartResult started;
        try
        {
            started = await engine.SubscribeAsync(request, context.User, sink, operation.Token);
        }
        catch (OperationCanceledException) when (operation.Token.IsCancellationRequested)
        {
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return;
        }

        if (started.Handle is null)
        {
            sink.Fail(started.Errors?.Errors?.ToList() ?? []);
            context.Response.StatusCode = StatusCodes.Status202Accepted;
            return;
        }

        if (!operation.Attach(started.Handle))
        {
            // Stopped (DELETE, or the stream closed) while it was starting.
            await started.Handle.DisposeAsync();
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return;
        }

        context.Response.StatusCode = StatusCodes.Status202Accepted;
    }

    /// <summary>Frames one operation's events as <c>{"id":…,"payload":…}</c> on its reservation's stream.</summary>
    private sealed class ReservationSink(SseReservation reservation, RunningOperation operation, GraphQLSerializer serializer) : ISubscriptionSink
    {
        // Events still in flight for a stopped operation are dropped, not counted against the queue.
        public bool TryPublish(SubscriptionEvent subscriptionEvent) =>
            !reservation.IsCurrent(operation)
            || reservation.Writer.TryEnqueueEvent(SseFrames.NextFor(operation.Id, subscriptionEvent.Payload));

        public void Fail(IReadOnlyList<ExecutionError> errors)
        {
            if (reservation.Remove(operation))
            {
                reservation.Writer.TryEnqueueControl(SseFrames.NextFor(operation.Id, SsePayloads.Errors(serializer, errors)));
                reservation.Writer.TryEnqueueControl(SseFrames.CompleteFor(operation.Id));
                operation.Dispose();
            }
        }

        public void Complete()
        {
            if (reservation.Remove(operation))
            {
                reservation.Writer.TryEnqueueControl(SseFrames.CompleteFor(operation.Id));
                operation.Dispose();
            }
        }
    }
}
