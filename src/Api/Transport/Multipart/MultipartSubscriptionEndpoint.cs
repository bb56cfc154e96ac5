using CollectionStore.Api.Execution;
using CollectionStore.Api.Identity;
using CollectionStore.Api.Subscriptions;
using CollectionStore.Api.Transport.HttpStreams;
using GraphQL.SystemTextJson;
using GraphQLParser.AST;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CollectionStore.Api.Transport.Multipart;

/// <summary>
/// Apollo multipart HTTP subscriptions (PROTOCOLS.md §5) on <c>POST /graphql</c>. Errors known before the
/// stream starts (document limits, validation, an expired <c>since</c>) are answered as a normal single JSON
/// response, which Apollo Client reports as GraphQL errors; errors after it started (SLOW_CONSUMER,
/// RESYNC_REQUIRED during replay, internal) are an error part <c>{"payload":null,"errors":[…]}</c> followed by
/// the close delimiter. The client disconnecting disposes the engine handle at once.
/// </summary>
internal sealed class MultipartSubscriptionEndpoint(
    SubscriptionEngine engine,
    GraphQLSerializer serializer,
    IOptions<MultipartOptions> options,
    IOptions<SubscriptionOptions> subscriptionOptions,
    SubscriptionMetrics metrics,
    StreamAdmission admission,
    LiveConnections live,
    TimeProvider timeProvider,
    ILogger<MultipartSubscriptionEndpoint> logger)
{
    private readonly MultipartResponseWriter _writer = new(serializer, options.Value.MultipartHeartbeatInterval, timeProvider);

    /// <summary>
    /// Starts and streams the subscription; returns null when the response was written here (a stream, or 429
    /// over <c>Subscriptions:MaxStreamsPerClient</c>), or the outcome the HTTP endpoint must answer as a single
    /// JSON response (the operation could not start).
    /// </summary>
    public async Task<GraphQLExecutionOutcome?> StreamAsync(HttpContext context, GraphQLExecutionRequest request)
    {
        using var lease = admission.TryAcquire(context);
        if (lease is null)
        {
            await StreamResponses.WriteTooManyStreamsAsync(context, context.RequestAborted);
            return null;
        }

        return await SubscribeAndStreamAsync(context, request);
    }

    private async Task<GraphQLExecutionOutcome?> SubscribeAndStreamAsync(HttpContext context, GraphQLExecutionRequest request)
    {
        var aborted = context.RequestAborted;
        var sink = new MultipartSubscriptionSink(subscriptionOptions.Value.SendQueueCapacity);
        SubscriptionStartResult start;
        try
        {
            start = await engine.SubscribeAsync(request, context.User, sink, aborted);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            return null;
        }

        if (start.Handle is not { } handle)
        {
            var errors = start.Errors ?? new GraphQL.ExecutionResult();
            return new GraphQLExecutionOutcome(errors, ExecutionOutcomeKind.RequestError, OperationType.Subscription);
        }

        await using (handle)
        {
            using var connection = live.Register(HttpAuthentication.Of(context), "multipart", reason => sink.Fail([IdentityErrors.Ended(reason)]));
            await WriteStreamAsync(context, sink, aborted);
        }

        return null;
    }

    private async Task WriteStreamAsync(HttpContext context, MultipartSubscriptionSink sink, CancellationToken aborted)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = MultipartFraming.ResponseContentType;
        response.Headers.CacheControl = "no-cache";
        // Tells buffering reverse proxies (nginx) to pass every part through as it is written.
        response.Headers["X-Accel-Buffering"] = "no";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        MultipartLog.Opened(logger, context.Connection.RemoteIpAddress);
        metrics.ConnectionOpened();
        try
        {
            var parts = await _writer.RunAsync(response.BodyWriter, sink, aborted);
            if (sink.Failure is { Count: > 0 } failure)
            {
                MultipartLog.Failed(logger, failure[0].Code);
            }

            MultipartLog.Closed(logger, "completed", parts);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            MultipartLog.Closed(logger, "client disconnected", -1);
        }
        catch (IOException)
        {
            // The connection broke while writing; disposing the handle is all that is left to do.
            MultipartLog.Closed(logger, "connection lost", -1);
        }
        finally
        {
            metrics.ConnectionClosed();
        }
    }
}
