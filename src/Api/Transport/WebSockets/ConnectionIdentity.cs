using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using CollectionStore.Api.Identity;
using CollectionStore.Authorization.Audit;
using CollectionStore.Authorization.Identity;

namespace CollectionStore.Api.Transport.WebSockets;

/// <summary>
/// Who one WebSocket connection is, for either sub-protocol. Set once by <c>connection_init</c> from its payload's
/// token (or the upgrade request's Authorization header); until then, and for a connection without credentials,
/// the caller is anonymous. An authenticated connection is tracked so its token's expiry or its session's
/// revocation ends it, and no new operation starts once that happened.
/// </summary>
internal sealed class ConnectionIdentity(
    RequestAuthenticator authenticator,
    LiveConnections live,
    IAuditLog audit,
    BearerToken.Presented upgradeCredentials,
    ClientInfo client) : IDisposable
{
    /// <summary>
    /// The close code when <c>connection_init</c>'s credentials could not be checked because the store is unreachable:
    /// 1013 "Try Again Later" (RFC 6455 §7.4.1, IANA registry), which clients reconnect after, unlike an internal error.
    /// </summary>
    public const int StoreUnavailableCloseCode = 1013;

    public const string StoreUnavailableReason = "Store unavailable, try again later";

    private LiveConnection? _connection;

    public ClaimsPrincipal? Principal { get; private set; }

    public ClientInfo Client => client;

    /// <summary>
    /// Authenticates the connection; returns the refusal reason, or null when it may go on. <paramref name="onEnd"/>
    /// is how the protocol ends the connection later (expiry, revocation). Throws
    /// <see cref="Domain.Store.StoreUnavailableException"/> when a token's session could not be checked.
    /// </summary>
    public async ValueTask<string?> InitialiseAsync(JsonElement? payload, Action<ConnectionEnd> onEnd, CancellationToken cancellationToken)
    {
        var presented = BearerToken.FromInitPayload(payload);
        var result = await authenticator.AuthenticateAsync(presented.IsPresent ? presented : upgradeCredentials, cancellationToken);
        if (result.Failure is { } failure)
        {
            audit.Record(new AuditEvent(
                AuditKinds.ConnectionRejected,
                Address: client.Address,
                Protocol: client.Protocol,
                Origin: client.Origin,
                Detail: new JsonObject { ["reason"] = failure }));
            return failure;
        }

        Principal = result.Principal;
        audit.Record(new AuditEvent(
            AuditKinds.ConnectionAccepted,
            SubjectId: result.UserId,
            SessionId: result.SessionId,
            Address: client.Address,
            Protocol: client.Protocol,
            Origin: client.Origin));
        _connection = live.Register(result, client.Protocol ?? "websocket", onEnd);
        return null;
    }

    /// <summary>Why no new operation may start (the token expired, the session was revoked); null when it may.</summary>
    public ConnectionEnd? Ended()
    {
        if (_connection is not { } connection)
        {
            return null;
        }

        if (live.IsExpired(connection))
        {
            // The expiry timer may not have fired yet; end it now so the close is sent exactly once.
            connection.End(ConnectionEnd.TokenExpired);
            return ConnectionEnd.TokenExpired;
        }

        return connection.HasEnded ? ConnectionEnd.SessionRevoked : null;
    }

    public void Dispose() => _connection?.Dispose();
}
