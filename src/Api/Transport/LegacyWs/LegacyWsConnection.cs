using System.Text.Json;
using CollectionStore.Api.Subscriptions;
using CollectionStore.Api.Transport.WebSockets;
using CollectionStore.Domain.Store;
using GraphQL;

namespace CollectionStore.Api.Transport.LegacyWs;

/// <summary>
/// One connection of the legacy Apollo protocol (sub-protocol <c>graphql-ws</c>, PROTOCOL.md of the npm package
/// <c>subscriptions-transport-ws</c>): <c>connection_init</c>/<c>connection_ack</c>/<c>connection_error</c>,
/// <c>ka</c> right after the ack and then every keep-alive interval, <c>start</c>/<c>stop</c>,
/// <c>data</c>/<c>error</c>/<c>complete</c> and <c>connection_terminate</c>. Nothing runs before a successful init.
/// </summary>
internal sealed class LegacyWsConnection(WebSocketSession session, OperationRunner runner, ConnectionIdentity identity, SubscriptionOptions options)
{
    /// <summary>The close code after a <c>connection_error</c> or a message before init.</summary>
    public const int ProtocolErrorCloseCode = 4400;

    /// <summary>The close code after a <c>connection_error</c> for credentials (bad, expired or revoked), as graphql-ws.</summary>
    public const int ForbiddenCloseCode = 4403;

    private volatile bool _acknowledged;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        _ = CloseIfNotInitialisedAsync(cancellationToken);
        await session.ReceiveAllAsync(HandleAsync, cancellationToken);
    }

    private async ValueTask HandleAsync(JsonElement message)
    {
        var type = ProtocolMessage.Type(message);
        switch (type)
        {
            case "connection_init":
                await OnConnectionInitAsync(message);
                break;
            case "start":
                OnStart(message);
                break;
            case "stop":
                await OnStopAsync(message);
                break;
            case "connection_terminate":
                session.Close(1000, "Terminated by the client");
                break;
            default:
                session.Send(OutgoingMessage.Whole(JsonFrames.Message("error", ProtocolMessage.Id(message), """{"message":"Invalid message type"}""")));
                break;
        }
    }

    private async ValueTask OnConnectionInitAsync(JsonElement message)
    {
        if (_acknowledged)
        {
            return;
        }

        if (message.TryGetProperty("payload", out var payload) && payload.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
        {
            RejectConnection("Invalid connection_init payload");
            return;
        }

        string? failure;
        try
        {
            failure = await identity.InitialiseAsync(payload.ValueKind == JsonValueKind.Object ? payload : null, End, session.Closing);
        }
        catch (StoreUnavailableException)
        {
            RejectConnection(ConnectionIdentity.StoreUnavailableReason, ConnectionIdentity.StoreUnavailableCloseCode);
            return;
        }

        if (failure is not null)
        {
            RejectConnection(failure, ForbiddenCloseCode);
            return;
        }

        _acknowledged = true;
        session.Send(OutgoingMessage.Whole(JsonFrames.Message("connection_ack")));
        session.Send(OutgoingMessage.Whole(JsonFrames.Message("ka")));
        _ = KeepAliveAsync(session.Closing);
    }

    private void OnStart(JsonElement message)
    {
        if (!_acknowledged)
        {
            RejectConnection("Unauthorized: send connection_init first");
            return;
        }

        if (identity.Ended() is { } ended)
        {
            End(ended);
            return;
        }

        var id = ProtocolMessage.Id(message);
        if (id is null || SubscribePayload.Read(message) is not { } request)
        {
            session.Send(OutgoingMessage.Whole(JsonFrames.Message("error", id, """{"message":"Invalid start message"}""")));
            return;
        }

        if (runner.IsActive(id))
        {
            runner.Reject(id, new ExecutionError($"An operation with id '{id}' is already running.") { Code = "BAD_REQUEST" });
            return;
        }

        if (!runner.TryStart(id, request))
        {
            runner.Reject(id, new ExecutionError($"A connection may run at most {options.MaxOperationsPerConnection} operations at once.") { Code = WebSocketErrorCodes.TooManyOperations });
        }
    }

    private async ValueTask OnStopAsync(JsonElement message)
    {
        if (ProtocolMessage.Id(message) is { } id && runner.IsActive(id))
        {
            await runner.StopAsync(id);
            session.Send(OperationFrames.Complete(id));
        }
    }

    private void RejectConnection(string reason, int closeCode = ProtocolErrorCloseCode)
    {
        session.Send(OutgoingMessage.Whole(JsonFrames.Message("connection_error", rawPayload: JsonSerializer.Serialize(new { message = reason }))));
        session.Close(closeCode, reason);
    }

    /// <summary>The server ends the connection for its token: <c>connection_error</c>, then close.</summary>
    private void End(Identity.ConnectionEnd reason) =>
        RejectConnection(Identity.LiveConnections.Reasons.For(reason), ForbiddenCloseCode);

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

        if (!_acknowledged)
        {
            session.Close(4408, "Connection initialisation timeout");
        }
    }

    private async Task KeepAliveAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(options.KeepAliveInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                session.Send(OutgoingMessage.Whole(JsonFrames.Message("ka")));
            }
        }
        catch (OperationCanceledException)
        {
            // The connection closed.
        }
    }
}
