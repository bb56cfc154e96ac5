using System.Security.Claims;
using System.Text.Json;
using CollectionStore.Api.Configuration;
using CollectionStore.Api.Execution;
using CollectionStore.Api.Identity;
using CollectionStore.Api.Transport.Http;
using CollectionStore.Api.Transport.HttpStreams;
using CollectionStore.Api.Transport.WebSockets;
using Microsoft.Extensions.Options;

namespace CollectionStore.Api.Transport.Sse;

/// <summary>
/// GraphQL over SSE, single connection mode: <c>PUT</c> reserves (201 + token), a GET/POST with the token and
/// <c>Accept: text/event-stream</c> opens the reservation's one stream (a second → 409), operations POSTed with
/// the token and <c>extensions.operationId</c> answer 202 and stream their results, <c>DELETE ?operationId=</c>
/// stops one (200). Unknown tokens and tokens of another subject are 404; a malformed token is 400.
/// </summary>
internal sealed class SseSingleConnectionHandler(
    SseReservations reservations,
    SseOperationStarter starter,
    StreamAdmission admission,
    SseStreamRunner runner,
    LiveConnections live,
    GraphQL.SystemTextJson.GraphQLSerializer serializer,
    IOptions<LimitsOptions> limits,
    ILogger<SseSingleConnectionHandler> logger)
{
    private readonly HttpGraphQLRequestReader _reader = new(GraphQLHttpStatusProfile.Current, limits.Value.MaxRequestBytes);

    public Task ReserveAsync(HttpContext context) => ReserveAsync(context, announce: null);

    /// <summary>Reserves; <paramref name="announce"/> (when given) publishes the reservation before the token is answered.</summary>
    public async Task ReserveAsync(HttpContext context, Func<SseReservation, CancellationToken, Task>? announce)
    {
        if (!StreamAccept.AcceptsAny(context.Request.Headers.Accept, "text/plain"))
        {
            await StreamResponses.WriteErrorAsync(context, StatusCodes.Status406NotAcceptable, "A reservation token is sent as text/plain.", ErrorCodes.BadRequest, context.RequestAborted);
            return;
        }

        var lease = admission.TryAcquire(context);
        if (lease is null)
        {
            await StreamResponses.WriteTooManyStreamsAsync(context, context.RequestAborted);
            return;
        }

        var reservation = reservations.Create(Subject(context.User), lease);
        if (announce is not null)
        {
            await announce(reservation, context.RequestAborted);
        }

        context.Response.StatusCode = StatusCodes.Status201Created;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(reservation.Token, context.RequestAborted);
    }

    public Task OpenStreamAsync(HttpContext context, string token) => OpenStreamAsync(context, token, hooks: null);

    /// <summary>
    /// Opens the stream; <paramref name="hooks"/> (when given) must claim the reservation first (false → 409), hear
    /// that it connected, and hear that it closed.
    /// </summary>
    public async Task OpenStreamAsync(HttpContext context, string token, ISseStreamHooks? hooks)
    {
        if (await FindAsync(context, token) is { } reservation)
        {
            await ConnectAsync(context, reservation, hooks);
        }
    }

    /// <summary>
    /// Opens the stream of a reservation the caller already looked up (so one that is being dropped meanwhile
    /// answers 409, not 404); the caller must own it, as always.
    /// </summary>
    public async Task OpenStreamAsync(HttpContext context, SseReservation reservation, ISseStreamHooks? hooks)
    {
        if (reservation.Owner != Subject(context.User))
        {
            await WriteNotFoundAsync(context);
            return;
        }

        await ConnectAsync(context, reservation, hooks);
    }

    private async Task ConnectAsync(HttpContext context, SseReservation reservation, ISseStreamHooks? hooks)
    {
        if (hooks is not null && !await hooks.ClaimAsync(reservation, context.RequestAborted))
        {
            await WriteAlreadyOpenAsync(context);
            return;
        }

        if (!reservation.TryConnect())
        {
            if (hooks is not null)
            {
                await hooks.ReleaseAsync(reservation);
            }

            await WriteAlreadyOpenAsync(context);
            return;
        }

        hooks?.Connected(reservation);
        try
        {
            using var connection = live.Register(
                HttpAuthentication.Of(context),
                "sse",
                reason => _ = reservation.EndAsync(SsePayloads.Errors(serializer, [IdentityErrors.Ended(reason)])).AsTask());
            await runner.RunAsync(context, reservation.Writer);
        }
        finally
        {
            await reservations.CloseAsync(reservation);
            if (hooks is not null)
            {
                await hooks.ReleaseAsync(reservation);
            }

            SseLog.StreamClosed(logger);
        }
    }

    public async Task StopOperationAsync(HttpContext context, string? token)
    {
        if (await FindAsync(context, token) is not { } reservation)
        {
            return;
        }

        var operationId = context.Request.Query["operationId"];
        if (operationId.Count != 1 || string.IsNullOrEmpty(operationId[0]))
        {
            await WriteMissingOperationIdAsync(context);
            return;
        }

        await reservation.StopAsync(operationId[0]!);
        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    public async Task ExecuteAsync(HttpContext context, string token, bool isGet)
    {
        if (await FindAsync(context, token) is not { } reservation)
        {
            return;
        }

        if (!StreamAccept.AcceptsAny(context.Request.Headers.Accept, GraphQLHttpMediaTypes.Json))
        {
            await WriteNotJsonAsync(context);
            return;
        }

        var read = isGet ? _reader.ReadGet(context.Request.Query) : await _reader.ReadPostAsync(context.Request, context.RequestAborted);
        if (read.Request is null)
        {
            await StreamResponses.WriteErrorAsync(context, read.FailureStatus, read.FailureMessage!, ErrorCodes.BadRequest, context.RequestAborted);
            return;
        }

        if (OperationId(read.Request.Extensions) is not { } operationId)
        {
            await WriteMissingOperationIdAsync(context);
            return;
        }

        var operation = new RunningOperation(operationId);
        switch (reservation.TryAdd(operation))
        {
            case SseOperationAdd.Duplicate:
                operation.Dispose();
                await WriteDuplicateAsync(context, operationId);
                return;
            case SseOperationAdd.TooMany:
                operation.Dispose();
                await WriteTooManyOperationsAsync(context);
                return;
            case SseOperationAdd.Closed:
                operation.Dispose();
                await WriteNotFoundAsync(context);
                return;
        }

        await starter.StartAsync(context, reservation, operation, read.Request, isGet);
    }

    /// <summary>The reservation the token names, when it exists and belongs to the caller; otherwise answers 400/404.</summary>
    private async Task<SseReservation?> FindAsync(HttpContext context, string? token)
    {
        if (token is not null && !SseToken.IsWellFormed(token))
        {
            await StreamResponses.WriteErrorAsync(context, StatusCodes.Status400BadRequest, "The event stream token is malformed.", ErrorCodes.BadRequest, context.RequestAborted);
            return null;
        }

        // Another subject's reservation is reported exactly like a missing one: tokens must not be probeable.
        if (token is null || reservations.Find(token) is not { } reservation || reservation.Owner != Subject(context.User))
        {
            await WriteNotFoundAsync(context);
            return null;
        }

        return reservation;
    }

    internal static Task WriteNotJsonAsync(HttpContext context) =>
        StreamResponses.WriteErrorAsync(context, StatusCodes.Status406NotAcceptable, "Operation requests answer with application/json; results arrive on the stream.", ErrorCodes.BadRequest, context.RequestAborted);

    internal static Task WriteDuplicateAsync(HttpContext context, string operationId) =>
        StreamResponses.WriteErrorAsync(context, StatusCodes.Status409Conflict, $"Operation '{operationId}' is already running on this stream.", "OPERATION_ID_IN_USE", context.RequestAborted);

    internal static Task WriteTooManyOperationsAsync(HttpContext context) =>
        StreamResponses.WriteErrorAsync(context, StatusCodes.Status429TooManyRequests, "This stream already runs its maximum number of operations.", "TOO_MANY_OPERATIONS", context.RequestAborted);

    internal static Task WriteAlreadyOpenAsync(HttpContext context) =>
        StreamResponses.WriteErrorAsync(context, StatusCodes.Status409Conflict, "The reservation's stream is already open.", "STREAM_ALREADY_OPEN", context.RequestAborted);

    internal static Task WriteNotFoundAsync(HttpContext context) =>
        StreamResponses.WriteErrorAsync(context, StatusCodes.Status404NotFound, "No event stream reservation matches the token.", "STREAM_NOT_FOUND", context.RequestAborted);

    internal static Task WriteMissingOperationIdAsync(HttpContext context) =>
        StreamResponses.WriteErrorAsync(context, StatusCodes.Status400BadRequest, "The operation ID is missing (extensions.operationId, or ?operationId= for DELETE).", ErrorCodes.BadRequest, context.RequestAborted);

    internal static string? OperationId(JsonElement? extensions) =>
        extensions is { ValueKind: JsonValueKind.Object } value && value.TryGetProperty("operationId", out var id)
            ? id.ValueKind switch
            {
                JsonValueKind.String when id.GetString() is { Length: > 0 } text => text,
                JsonValueKind.Number => id.GetRawText(),
                _ => null,
            }
            : null;

    internal static string? Subject(ClaimsPrincipal? user) => Principals.UserId(user);
}
