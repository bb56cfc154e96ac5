namespace CollectionStore.Api.Identity;

/// <summary>Log messages of authentication and live-connection control. Never a token or password.</summary>
internal static partial class IdentityLog
{
    [LoggerMessage(EventId = 500, Level = LogLevel.Information, Message = "Connection ended by the server: {Reason} (session {SessionId})")]
    public static partial void ConnectionEnded(ILogger logger, ConnectionEnd reason, string? sessionId);

    [LoggerMessage(EventId = 501, Level = LogLevel.Information, Message = "Authentication refused on {Protocol} from {Address}: {Failure}")]
    public static partial void Refused(ILogger logger, string protocol, string? address, string failure);

    [LoggerMessage(EventId = 502, Level = LogLevel.Warning, Message = "Created the first admin user '{Username}'. The generated password was printed to the console once; change it after signing in.")]
    public static partial void BootstrapAdminCreated(ILogger logger, string username);

    [LoggerMessage(EventId = 503, Level = LogLevel.Information, Message = "Created the first admin user '{Username}' with the configured password.")]
    public static partial void BootstrapAdminConfigured(ILogger logger, string username);

    [LoggerMessage(EventId = 504, Level = LogLevel.Warning, Message = "A request's token could not be checked because the store is unavailable ({Reason}); answered 503")]
    public static partial void AuthenticationUnavailable(ILogger logger, string reason);
}
