namespace CollectionStore.Api.Transport.WebSockets;

/// <summary>Log messages of the WebSocket transports.</summary>
internal static partial class WebSocketLog
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Error, Message = "A WebSocket connection failed while handling a message; closing it with 4500")]
    public static partial void ConnectionFailed(ILogger logger, Exception exception);
}
