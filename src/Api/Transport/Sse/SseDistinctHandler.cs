using CollectionStore.Api.Configuration;
using CollectionStore.Api.Execution;
using CollectionStore.Api.Identity;
using CollectionStore.Api.Subscriptions;
using CollectionStore.Api.Transport.Http;
using CollectionStore.Api.Transport.HttpStreams;
using GraphQL;
using GraphQL.SystemTextJson;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;

namespace CollectionStore.Api.Transport.Sse;

/// <summary>
/// GraphQL over SSE, distinct connections mode: one GET or POST with <c>Accept: text/event-stream</c> per operation.
/// Request errors (parse, validation, limits) arrive as a <c>next</c> with <c>errors</c> then <c>complete</c> in a
/// 200 stream; queries and mutations send one <c>next</c> and <c>complete</c>; subscriptions stream until the
/// engine ends them or the client closes the connection, which releases the engine subscription.
/// </summary>
internal sealed class SseDistinctHandler(
    GraphQLRequestExecutor executor,
    SubscriptionEngine engine,
    GraphQLSerializer serializer,
    StreamAdmission admission,
    SseStreamRunner runner,
    LiveConnections live,
    IOptions<LimitsOptions> limits)
{
    private readonly HttpGraphQLRequestReader _reader = new(GraphQLHttpStatusProfile.Current, limits.Value.MaxRequestBytes);

    public async Task HandleAsync(HttpContext context, bool isGet)
    {
        var read = isGet ? _reader.ReadGet(context.Request.Query) : await _reader.ReadPostAsync(context.Request, context.RequestAborted);
        if (read.Request is null)
        {
            await StreamResponses.WriteErrorAsync(context, read.FailureStatus, read.FailureMessage!, ErrorCodes.BadRequest, context.RequestAborted);
            return;
        }

        read = read with { Request = read.Request with { Client = RequestClient.FromHttp(context, "sse") } };
        using var lease = admission.TryAcquire(context);
        if (lease is null)
        {
            await StreamResponses.WriteTooManyStreamsAsync(context, context.RequestAborted);
            return;
        }

        var allowed = isGet ? AllowedOperations.Query : AllowedOperations.QueryAndMutation;
        GraphQLExecutionOutcome outcome;
        try
        {
            outcome = await executor.ExecuteAsync(read.Request, context.User, context.RequestServices, allowed, context.RequestAborted);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return;
        }

        if (outcome is { Kind: ExecutionOutcomeKind.OperationNotAllowed, OperationType: OperationType.Subscription })
        {
            await SubscribeAsync(context, read.Request);
            return;
        }

        if (outcome.Kind == ExecutionOutcomeKind.OperationNotAllowed)
        {
            context.Response.Headers.Allow = HttpMethods.Post;
            await StreamResponses.WriteErrorAsync(
                context, StatusCodes.Status405MethodNotAllowed, "Mutations cannot be sent over GET; use POST.", ErrorCodes.OperationNotAllowed, context.RequestAborted);
            return;
        }

        var writer = new SseWriter(runner.SendQueueCapacity);
        writer.TryEnqueueControl(SseFrames.Next(SsePayloads.Result(serializer, outcome.Result), sequence: null));
        writer.TryEnqueueControl(SseFrames.Complete);
        writer.Complete();
        await runner.RunAsync(context, writer);
    }

    private async Task SubscribeAsync(HttpContext context, GraphQLExecutionRequest request)
    {
        request = LastEventIdResume.Apply(request, context.Request.Headers["Last-Event-ID"], executor.Schema);
        var writer = new SseWriter(runner.SendQueueCapacity);
        var sink = new DistinctSink(writer, serializer);
        SubscriptionStartResult started;
        try
        {
            started = await engine.SubscribeAsync(request, context.User, sink, context.RequestAborted);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return;
        }

        if (started.Handle is null)
        {
            sink.Fail(started.Errors?.Errors?.ToList() ?? []);
            await runner.RunAsync(context, writer);
            return;
        }

        await using (started.Handle)
        {
            using var connection = live.Register(HttpAuthentication.Of(context), "sse", reason => sink.Fail([IdentityErrors.Ended(reason)]));
            await runner.RunAsync(context, writer);
        }
    }

    /// <summary>Frames one distinct-mode subscription's events; an ending (normal or not) closes the stream.</summary>
    private sealed class DistinctSink(SseWriter writer, GraphQLSerializer serializer) : ISubscriptionSink
    {
        public bool TryPublish(SubscriptionEvent subscriptionEvent) =>
            writer.TryEnqueueEvent(SseFrames.Next(subscriptionEvent.Payload, subscriptionEvent.Sequence));

        public void Fail(IReadOnlyList<ExecutionError> errors)
        {
            writer.TryEnqueueControl(SseFrames.Next(SsePayloads.Errors(serializer, errors), sequence: null));
            Complete();
        }

        public void Complete()
        {
            writer.TryEnqueueControl(SseFrames.Complete);
            writer.Complete();
        }
    }
}
