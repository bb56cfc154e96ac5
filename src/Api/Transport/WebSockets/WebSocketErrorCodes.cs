namespace CollectionStore.Api.Transport.WebSockets;

/// <summary>The <c>extensions.code</c> values the WebSocket transports add to GraphQL errors.</summary>
internal static class WebSocketErrorCodes
{
    public const string TooManyOperations = "TOO_MANY_OPERATIONS";
}
