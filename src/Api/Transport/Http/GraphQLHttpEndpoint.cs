using CollectionStore.Api.Configuration;
using CollectionStore.Api.Execution;
using CollectionStore.Api.Identity;
using CollectionStore.Api.Schema;
using CollectionStore.Api.Transport.HttpStreams;
using CollectionStore.Api.Transport.Multipart;
using CollectionStore.Api.Transport.Sse;
using GraphQL;
using GraphQL.SystemTextJson;
using Microsoft.Extensions.Options;

namespace CollectionStore.Api.Transport.Http;

/// <summary>
/// <c>/graphql</c> over HTTP (GraphQL over HTTP, PROTOCOLS.md §1): POST with <c>application/json</c>, GET for
/// queries, Accept negotiation, status codes from <see cref="GraphQLHttpStatusProfile"/>, and <c>GET /graphql?sdl</c>.
/// </summary>
internal sealed class GraphQLHttpEndpoint(
    GraphQLRequestExecutor executor,
    GraphQLSerializer serializer,
    SseEndpoint sse,
    HttpAuthentication authentication,
    IOptions<LimitsOptions> limits)
{
    private const string AllowedMethods = SseEndpoint.AllowedMethods;

    private readonly GraphQLHttpStatusProfile _status = GraphQLHttpStatusProfile.Current;
    private readonly HttpGraphQLRequestReader _reader = new(GraphQLHttpStatusProfile.Current, limits.Value.MaxRequestBytes);

    public async Task HandleAsync(HttpContext context)
    {
        var eventStream = StreamAccept.Prefers(context.Request.Headers.Accept, SseResponse.MediaType);
        if (!await authentication.TryAuthenticateAsync(context, eventStream))
        {
            return;
        }

        if (await sse.TryHandleAsync(context))
        {
            return;
        }

        var request = context.Request;
        var isGet = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);
        if (!isGet && !HttpMethods.IsPost(request.Method))
        {
            context.Response.Headers.Allow = AllowedMethods;
            context.Response.StatusCode = _status.MethodNotAllowed;
            return;
        }

        if (isGet && request.Query.ContainsKey("sdl"))
        {
            await WriteSdlAsync(context);
            return;
        }

        // An Apollo multipart Accept always lists application/json too; a bare one still gets JSON for errors.
        var multipart = !isGet && MultipartAccept.AcceptsSubscriptions(request.Headers.Accept);
        if ((AcceptNegotiation.Select(request.Headers.Accept) ?? (multipart ? ResponseMediaType.Json : null)) is not { } mediaType)
        {
            await WriteErrorAsync(context, _status.NotAcceptable, ResponseMediaType.Json, "None of the accepted media types can be produced.");
            return;
        }

        var read = isGet ? _reader.ReadGet(request.Query) : await _reader.ReadPostAsync(request, context.RequestAborted);
        if (read.Request is null)
        {
            await WriteErrorAsync(context, read.FailureStatus, mediaType, read.FailureMessage!);
            return;
        }

        var allowed = isGet ? AllowedOperations.Query : AllowedOperations.QueryAndMutation;
        await ExecuteAsync(context, read.Request, allowed, mediaType, multipart);
    }

    private async Task ExecuteAsync(HttpContext context, GraphQLExecutionRequest request, AllowedOperations allowed, ResponseMediaType mediaType, bool multipart)
    {
        request = request with { Client = RequestClient.FromHttp(context, multipart ? "multipart" : "http") };
        GraphQLExecutionOutcome outcome;
        try
        {
            outcome = await executor.ExecuteAsync(request, context.User, context.RequestServices, allowed, context.RequestAborted);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
            return;
        }

        // The executor stops a subscription before running it; with a multipart Accept it streams instead.
        if (multipart && outcome is { Kind: ExecutionOutcomeKind.OperationNotAllowed, OperationType: GraphQLParser.AST.OperationType.Subscription })
        {
            var endpoint = context.RequestServices.GetRequiredService<MultipartSubscriptionEndpoint>();
            if (await endpoint.StreamAsync(context, request) is not { } failed)
            {
                return;
            }

            outcome = failed;
        }

        if (outcome.Kind == ExecutionOutcomeKind.OperationNotAllowed)
        {
            context.Response.Headers.Allow = HttpMethods.Post;
        }

        var status = _status.ForOutcome(outcome, mediaType);
        if (status == _status.StoreUnavailable)
        {
            // The database is expected back; nothing of this request was acknowledged, so it can simply be sent again.
            context.Response.Headers.RetryAfter = "1";
        }

        await WriteResultAsync(context, status, mediaType, outcome.Result);
    }

    private async Task WriteSdlAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(SchemaSdl.Print(executor.Schema), context.RequestAborted);
    }

    private Task WriteErrorAsync(HttpContext context, int status, ResponseMediaType mediaType, string message) =>
        WriteResultAsync(context, status, mediaType, new ExecutionResult(new ExecutionError(message) { Code = ErrorCodes.BadRequest }));

    private async Task WriteResultAsync(HttpContext context, int status, ResponseMediaType mediaType, ExecutionResult result)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = GraphQLHttpMediaTypes.ContentType(mediaType);
        await serializer.WriteAsync(context.Response.Body, result, context.RequestAborted);
    }
}
