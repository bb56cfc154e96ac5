using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using CollectionStore.Authorization.Audit;
using CollectionStore.Authorization.Identity;

namespace CollectionStore.Api.Identity;

/// <summary>
/// Every live connection and stream of an authenticated caller, indexed by session and user, so a token's
/// expiry ends it on time and a revocation signal ends all of the session's (or user's) connections at once.
/// </summary>
internal sealed class LiveConnections : IDisposable
{
    private readonly ConcurrentDictionary<LiveConnection, byte> _all = new();
    private readonly TimeProvider _time;
    private readonly IAuditLog _audit;
    private readonly ILogger<LiveConnections> _logger;
    private readonly IDisposable _subscription;

    public LiveConnections(IdentitySignals signals, TimeProvider time, IAuditLog audit, ILogger<LiveConnections> logger)
    {
        _time = time;
        _audit = audit;
        _logger = logger;
        _subscription = signals.Subscribe(OnSignal);
    }

    public int Count => _all.Count;

    /// <summary>
    /// Tracks an authenticated connection; anonymous ones need no tracking and get null. When the token has
    /// already expired the connection is ended right away.
    /// </summary>
    public LiveConnection? Register(AuthenticationResult authentication, string protocol, Action<ConnectionEnd> end)
    {
        if (!authentication.IsAuthenticated)
        {
            return null;
        }

        var connection = new LiveConnection(this, authentication, protocol, end);
        _all.TryAdd(connection, 0);
        if (authentication.EndsAt is { } endsAt)
        {
            var due = endsAt - _time.GetUtcNow();
            if (due <= TimeSpan.Zero)
            {
                connection.End(ConnectionEnd.TokenExpired);
                return connection;
            }

            connection.Expiry = _time.CreateTimer(static state => ((LiveConnection)state!).End(ConnectionEnd.TokenExpired), connection, due, Timeout.InfiniteTimeSpan);
        }

        return connection;
    }

    public bool IsExpired(LiveConnection connection) => connection.IsExpiredAt(_time.GetUtcNow());

    public void Dispose() => _subscription.Dispose();

    internal void Unregister(LiveConnection connection) => _all.TryRemove(connection, out _);

    internal void Ended(LiveConnection connection, ConnectionEnd reason)
    {
        _all.TryRemove(connection, out _);
        IdentityLog.ConnectionEnded(_logger, reason, connection.Authentication.SessionId);
        _audit.Record(new AuditEvent(
            AuditKinds.ConnectionClosed,
            SubjectId: connection.Authentication.UserId,
            SessionId: connection.Authentication.SessionId,
            Protocol: connection.Protocol,
            Detail: new JsonObject
            {
                // WebSockets close with 4403; streams end with a final UNAUTHENTICATED error.
                ["code"] = connection.Protocol.StartsWith("graphql", StringComparison.Ordinal) ? "4403" : HttpAuthentication.UnauthenticatedCode,
                ["reason"] = Reasons.For(reason),
            }));
    }

    private void OnSignal(IdentitySignal signal)
    {
        if (signal.Kind != IdentitySignalKind.SessionsRevoked)
        {
            return;
        }

        var sessions = signal.SessionIds.ToHashSet(StringComparer.Ordinal);
        foreach (var connection in _all.Keys)
        {
            var authentication = connection.Authentication;
            var affected = sessions.Count == 0
                ? authentication.UserId == signal.UserId
                : authentication.SessionId is { } sessionId && sessions.Contains(sessionId);
            if (affected)
            {
                connection.End(ConnectionEnd.SessionRevoked);
            }
        }
    }

    /// <summary>The client-facing texts of each ending (also the WebSocket close reasons, well under 123 bytes).</summary>
    public static class Reasons
    {
        public const string TokenExpired = "Token expired";
        public const string SessionRevoked = "Session revoked";

        public static string For(ConnectionEnd reason) => reason == ConnectionEnd.TokenExpired ? TokenExpired : SessionRevoked;
    }
}
