using System.Net.WebSockets;
using System.Text.Json;
using CollectionStore.Api.Execution;
using CollectionStore.Api.Subscriptions;
using CollectionStore.Api.Transport.WebSockets;
using CollectionStore.Domain.Store;
using GraphQL;

namespace CollectionStore.Api.Transport.GraphQLWs;

/// <summary>
/// One connection of the graphql-ws protocol (sub-protocol <c>graphql-transport-ws</c>, PROTOCOL.md of the npm
/// package <c>graphql-ws</c>): <c>connection_init</c>/<c>connection_ack</c>, <c>ping</c>/<c>pong</c> at any time,
/// <c>subscribe</c>/<c>next</c>/<c>error</c>/<c>complete</c>, and the protocol's close codes.
/// </summary>
internal sealed class GraphQLWsConnection(
    WebSocketSession session,
    OperationRunner runner,
    ConnectionIdentity identity,
    SubscriptionOptions options,
    ILogger logger)
{
    private int _initReceived;
    private volatile bool _acknowledged;
    // When the unanswered ping was sent (Environment.TickCount64); 0 while no ping awaits its pong.
    private long _pingSentTicks;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        _ = CloseIfNotInitialisedAsync(cancellationToken);
        await session.ReceiveAllAsync(HandleAsync, cancellationToken);
    }

    private async ValueTask HandleAsync(JsonElement message)
    {
        try
        {
            await DispatchAsync(message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A bug of ours, not the client's: the protocol's internal-error close, the details to the log only.
            WebSocketLog.ConnectionFailed(logger, ex);
            session.Close(GraphQLWsCloseCodes.InternalServerError, "Internal server error");
        }
    }

    private async ValueTask DispatchAsync(JsonElement message)
    {
        var type = ProtocolMessage.Type(message);
        switch (type)
        {
            case "connection_init":
                await OnConnectionInitAsync(message);
                break;
            case "ping":
                session.Send(OutgoingMessage.Whole(JsonFrames.Message("pong", rawPayload: Payload(message))));
                break;
            case "pong":
                Interlocked.Exchange(ref _pingSentTicks, 0);
                break;
            case "subscribe":
                OnSubscribe(message);
                break;
            case "complete":
                await OnCompleteAsync(message);
                break;
            default:
                session.Close(GraphQLWsCloseCodes.BadRequest, type is null ? "Invalid message received" : $"Unknown message type '{type}'");
                break;
        }
    }

    private async ValueTask OnConnectionInitAsync(JsonElement message)
    {
        if (Interlocked.Exchange(ref _initReceived, 1) == 1)
        {
            session.Close(GraphQLWsCloseCodes.TooManyInitialisationRequests, "Too many initialisation requests");
            return;
        }

        if (message.TryGetProperty("payload", out var payload) && payload.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
        {
            session.Close(GraphQLWsCloseCodes.BadRequest, "Invalid connection_init payload");
            return;
        }

        string? refusal;
        try
        {
            refusal = await identity.InitialiseAsync(payload.ValueKind == JsonValueKind.Object ? payload : null, End, session.Closing);
        }
        catch (StoreUnavailableException)
        {
            session.Close(ConnectionIdentity.StoreUnavailableCloseCode, ConnectionIdentity.StoreUnavailableReason);
            return;
        }

        if (refusal is not null)
        {
            session.Close(GraphQLWsCloseCodes.Forbidden, "Forbidden");
            return;
        }

        _acknowledged = true;
        session.Send(OutgoingMessage.Whole(JsonFrames.Message("connection_ack")));
        _ = KeepAliveAsync(session.Closing);
    }

    private void OnSubscribe(JsonElement message)
    {
        if (!_acknowledged)
        {
            session.Close(GraphQLWsCloseCodes.Unauthorized, "Unauthorized");
            return;
        }

        if (identity.Ended() is { } ended)
        {
            // Refused even when the expiry close is still on its way.
            End(ended);
            return;
        }

        if (ProtocolMessage.Id(message) is not { } id || SubscribePayload.Read(message) is not { } request)
        {
            session.Close(GraphQLWsCloseCodes.BadRequest, "Invalid subscribe message");
            return;
        }

        if (runner.IsActive(id))
        {
            session.Close(GraphQLWsCloseCodes.SubscriberAlreadyExists, $"Subscriber for {id} already exists");
            return;
        }

        if (!runner.TryStart(id, request))
        {
            runner.Reject(id, new ExecutionError($"A connection may run at most {options.MaxOperationsPerConnection} operations at once.") { Code = WebSocketErrorCodes.TooManyOperations });
        }
    }

    /// <summary>The server ends the connection for its token: 4403, which the reference client retries with fresh connectionParams.</summary>
    private void End(Identity.ConnectionEnd reason) =>
        session.Close(GraphQLWsCloseCodes.Forbidden, Identity.LiveConnections.Reasons.For(reason));

    private async ValueTask OnCompleteAsync(JsonElement message)
    {
        if (ProtocolMessage.Id(message) is not { } id)
        {
            session.Close(GraphQLWsCloseCodes.BadRequest, "Invalid complete message");
            return;
        }

        await runner.StopAsync(id);
    }

    private async Task CloseIfNotInitialisedAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(options.ConnectionInitTimeout, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        if (Volatile.Read(ref _initReceived) == 0)
        {
            session.Close(GraphQLWsCloseCodes.ConnectionInitialisationTimeout, "Connection initialisation timeout");
        }
    }

    private async Task KeepAliveAsync(CancellationToken cancellationToken)
    {
        var interval = options.KeepAliveInterval;
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                // A peer is dead only when a ping it was sent went unanswered for two intervals; a late timer
                // tick on a busy server never counts against it.
                var sent = Interlocked.Read(ref _pingSentTicks);
                if (sent == 0)
                {
                    Interlocked.Exchange(ref _pingSentTicks, Environment.TickCount64);
                    session.Send(OutgoingMessage.Whole(JsonFrames.Message("ping")));
                }
                else if (TimeSpan.FromMilliseconds(Environment.TickCount64 - sent) >= interval * 2)
                {
                    session.Close(GraphQLWsCloseCodes.KeepAliveTimeout, "Keep-alive timeout");
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The connection closed.
        }
    }

    private static string? Payload(JsonElement message) =>
        message.TryGetProperty("payload", out var payload) && payload.ValueKind is JsonValueKind.Object ? payload.GetRawText() : null;
}
