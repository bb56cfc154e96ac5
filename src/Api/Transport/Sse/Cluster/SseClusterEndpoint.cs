using CollectionStore.Api.Configuration;
using CollectionStore.Api.Execution;
using CollectionStore.Api.Subscriptions;
using CollectionStore.Api.Transport.Http;
using CollectionStore.Api.Transport.HttpStreams;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CollectionStore.Api.Transport.Sse.Cluster;

/// <summary>
/// Single connection mode when several nodes share a Redis: a reservation made on any node can have its stream on
/// any node and its operations POSTed (or DELETEd) through any node, with the answers of one node. The node with
/// the stream holds the state; the others route to it over Redis. Requests for a stream held here, malformed
/// tokens and everything while Redis is unreachable go to <see cref="SseSingleConnectionHandler"/> as on one node.
/// </summary>
internal sealed class SseClusterEndpoint(
    SseSingleConnectionHandler single,
    SseReservations reservations,
    SseClusterDirectory directory,
    SseNodeChannel channel,
    SseRemoteRunner runner,
    StreamAdmission admission,
    GraphQLRequestExecutor executor,
    Domain.Store.IDocumentStore store,
    IOptions<LimitsOptions> limits,
    IOptions<SubscriptionOptions> subscriptions,
    ILogger<SseClusterEndpoint> logger)
{
    private readonly int _maxRequestBytes = limits.Value.MaxRequestBytes;
    private readonly HttpGraphQLRequestReader _reader = new(GraphQLHttpStatusProfile.Current, limits.Value.MaxRequestBytes);

    public Task ReserveAsync(HttpContext context) => single.ReserveAsync(context, AnnounceAsync);

    public async Task OpenStreamAsync(HttpContext context, string token)
    {
        if (!SseToken.IsWellFormed(token))
        {
            await single.OpenStreamAsync(context, token);
            return;
        }

        // Looked up once: the copy may be dropped any moment (another node's stream claimed it), and then it is 409.
        if (reservations.Find(token) is { } local)
        {
            await single.OpenStreamAsync(context, local, local.IsConnected ? null : NewStream(claim: null));
            return;
        }

        // The place is taken before the claim: a claim given back would take the queued operations with it.
        if (admission.TryAcquire(context) is not { } lease)
        {
            await StreamResponses.WriteTooManyStreamsAsync(context, context.RequestAborted);
            return;
        }

        SseClusterClaim claim;
        try
        {
            claim = await directory.ClaimAsync(token, SseSingleConnectionHandler.Subject(context.User), context.RequestAborted);
        }
        catch (RedisException problem)
        {
            lease.Dispose();
            SseClusterLog.LocalOnly(logger, problem.Message);
            await WriteUnavailableAsync(context);
            return;
        }

        if (!claim.Claimed)
        {
            lease.Dispose();
            await (claim.Missing ? SseSingleConnectionHandler.WriteNotFoundAsync(context) : SseSingleConnectionHandler.WriteAlreadyOpenAsync(context));
            return;
        }

        reservations.Adopt(token, SseSingleConnectionHandler.Subject(context.User), lease);
        await single.OpenStreamAsync(context, token, NewStream(claim));
    }

    public async Task ExecuteAsync(HttpContext context, string token, bool isGet)
    {
        if (!SseToken.IsWellFormed(token) || reservations.Find(token) is { IsConnected: true })
        {
            await single.ExecuteAsync(context, token, isGet);
            return;
        }

        var body = isGet ? [] : await SseRequestBody.CaptureAsync(context.Request, _maxRequestBytes, context.RequestAborted);
        if (await LocateAsync(context, token) is not { } answer)
        {
            await (reservations.Find(token) is null ? WriteUnavailableAsync(context) : single.ExecuteAsync(context, token, isGet));
            return;
        }

        switch (answer.State)
        {
            case SseClusterState.Pending:
                await EnqueueAsync(context, token, body, isGet);
                return;
            case SseClusterState.Streaming when answer.Node != directory.NodeId:
                await ForwardAsync(context, answer.Node!, SseForwardedRequest.From(context, token, body, operationId: null));
                return;
            default:
                // Missing (answered 404 by this node's own checks), or a stream held here after all.
                await single.ExecuteAsync(context, token, isGet);
                return;
        }
    }

    public async Task StopOperationAsync(HttpContext context, string? token)
    {
        if (token is null || !SseToken.IsWellFormed(token) || reservations.Find(token) is { IsConnected: true })
        {
            await single.StopOperationAsync(context, token);
            return;
        }

        var answer = await LocateAsync(context, token);
        if (answer is null && reservations.Find(token) is null)
        {
            await WriteUnavailableAsync(context);
            return;
        }

        var operationId = context.Request.Query["operationId"];
        if (answer is { State: SseClusterState.Pending })
        {
            if (operationId.Count != 1 || string.IsNullOrEmpty(operationId[0]))
            {
                await SseSingleConnectionHandler.WriteMissingOperationIdAsync(context);
                return;
            }

            answer = await TryAsync(() => directory.CancelAsync(token, Owner(context), operationId[0]!, context.RequestAborted));
        }

        if (answer is { State: SseClusterState.Streaming, Node: { } node } && node != directory.NodeId)
        {
            await ForwardAsync(context, node, SseForwardedRequest.From(context, token, [], operationId: null));
            return;
        }

        if (answer is { State: SseClusterState.Pending })
        {
            context.Response.StatusCode = StatusCodes.Status200OK;
            return;
        }

        // Missing, held here, or Redis unreachable for a reservation made here: this node's own answer.
        await single.StopOperationAsync(context, token);
    }

    private async Task EnqueueAsync(HttpContext context, string token, byte[] body, bool isGet)
    {
        if (!StreamAccept.AcceptsAny(context.Request.Headers.Accept, GraphQLHttpMediaTypes.Json))
        {
            await SseSingleConnectionHandler.WriteNotJsonAsync(context);
            return;
        }

        var read = isGet ? _reader.ReadGet(context.Request.Query) : await _reader.ReadPostAsync(context.Request, context.RequestAborted);
        if (read.Request is null)
        {
            await StreamResponses.WriteErrorAsync(context, read.FailureStatus, read.FailureMessage!, ErrorCodes.BadRequest, context.RequestAborted);
            return;
        }

        if (SseSingleConnectionHandler.OperationId(read.Request.Extensions) is not { } operationId)
        {
            await SseSingleConnectionHandler.WriteMissingOperationIdAsync(context);
            return;
        }

        var since = await store.GetLatestSequenceAsync(context.RequestAborted);
        var request = SseQueuedSince.Pin(SseForwardedRequest.From(context, token, body, operationId), read.Request, since, executor.Schema);
        var max = subscriptions.Value.MaxOperationsPerConnection;
        var answer = await TryAsync(() => directory.EnqueueAsync(token, Owner(context), operationId, SseNodeJson.Write(request), max, context.RequestAborted));
        switch (answer?.State)
        {
            case SseClusterState.Queued:
                context.Response.StatusCode = StatusCodes.Status202Accepted;
                return;
            case SseClusterState.Duplicate:
                await SseSingleConnectionHandler.WriteDuplicateAsync(context, operationId);
                return;
            case SseClusterState.Full:
                await SseSingleConnectionHandler.WriteTooManyOperationsAsync(context);
                return;
            case SseClusterState.Streaming when answer.Value.Node != directory.NodeId:
                // The stream claimed the reservation meanwhile: the operation goes to it after all.
                await ForwardAsync(context, answer.Value.Node!, request);
                return;
            case null:
                await WriteUnavailableAsync(context);
                return;
            default:
                await SseSingleConnectionHandler.WriteNotFoundAsync(context);
                return;
        }
    }

    private async Task ForwardAsync(HttpContext context, string node, SseForwardedRequest request)
    {
        SseForwardedReply? reply;
        try
        {
            reply = await channel.ForwardAsync(node, request, context.RequestAborted);
        }
        catch (RedisException problem)
        {
            SseClusterLog.LocalOnly(logger, problem.Message);
            reply = null;
        }

        if (reply is null)
        {
            await StreamResponses.WriteErrorAsync(context, StatusCodes.Status503ServiceUnavailable, "The node holding this event stream did not answer; retry the request.", "STREAM_NODE_UNAVAILABLE", context.RequestAborted);
            return;
        }

        await reply.WriteAsync(context);
    }

    /// <summary>Where the reservation stands; null when Redis cannot say (the caller falls back to this node).</summary>
    private Task<SseClusterAnswer?> LocateAsync(HttpContext context, string token) =>
        TryAsync(() => directory.LocateAsync(token, Owner(context), context.RequestAborted));

    private async Task<SseClusterAnswer?> TryAsync(Func<Task<SseClusterAnswer>> step)
    {
        try
        {
            return await step();
        }
        catch (RedisException problem)
        {
            SseClusterLog.LocalOnly(logger, problem.Message);
            return null;
        }
    }

    private async Task AnnounceAsync(SseReservation reservation, CancellationToken cancellationToken)
    {
        try
        {
            await directory.AnnounceAsync(reservation.Token, reservation.Owner, cancellationToken);
        }
        catch (RedisException problem)
        {
            SseClusterLog.LocalOnly(logger, problem.Message);
        }
    }

    private SseClusterStream NewStream(SseClusterClaim? claim) => new(directory, channel, runner, logger, claim);

    private static string? Owner(HttpContext context) => SseSingleConnectionHandler.Subject(context.User);

    private static Task WriteUnavailableAsync(HttpContext context) =>
        StreamResponses.WriteErrorAsync(context, StatusCodes.Status503ServiceUnavailable, "Event stream routing is unavailable; retry the request.", "STREAM_ROUTING_UNAVAILABLE", context.RequestAborted);
}
