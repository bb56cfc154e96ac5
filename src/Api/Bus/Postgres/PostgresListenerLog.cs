namespace CollectionStore.Api.Bus.Postgres;

/// <summary>State transitions of the PostgreSQL change listener.</summary>
internal static partial class PostgresListenerLog
{
    [LoggerMessage(EventId = 2201, Level = LogLevel.Information, Message = "Listening for other nodes' changes on PostgreSQL channel {Channel} (restored after a failure: {Restored})")]
    public static partial void Listening(ILogger logger, string channel, bool restored);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Warning, Message = "The PostgreSQL listener on channel {Channel} lost its connection; other nodes' changes arrive once it is back")]
    public static partial void Lost(ILogger logger, string channel, Exception exception);
}
