namespace CollectionStore.Api.Transport.Sse;

/// <summary>Source-generated log messages of the SSE transport (never the reservation token itself).</summary>
internal static partial class SseLog
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Information, Message = "An SSE reservation expired before its stream connected")]
    public static partial void ReservationExpired(ILogger logger);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Debug, Message = "An SSE single-connection stream closed; its reservation and operations were released")]
    public static partial void StreamClosed(ILogger logger);
}
