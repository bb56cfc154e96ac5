namespace CollectionStore.Authorization.Audit;

/// <summary>The kinds of audit entries.</summary>
public static class AuditKinds
{
    public const string LoginSucceeded = "login.succeeded";
    public const string LoginFailed = "login.failed";
    public const string LoginRateLimited = "login.rate_limited";
    public const string TokenRefreshed = "token.refreshed";
    public const string RefreshTokenReused = "token.reused";
    public const string Logout = "session.logout";
    public const string SessionRevoked = "session.revoked";
    public const string UserCreated = "user.created";
    public const string UserChanged = "user.changed";
    public const string ConnectionAccepted = "connection.accepted";
    public const string ConnectionRejected = "connection.rejected";
    public const string ConnectionClosed = "connection.closed";
    public const string AccessDenied = "access.denied";
}
