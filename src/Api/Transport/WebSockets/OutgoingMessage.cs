using System.Net.WebSockets;

namespace CollectionStore.Api.Transport.WebSockets;

/// <summary>
/// One text message to send: an envelope prefix, an optional payload shared with other connections (the
/// cohort's serialised result, never copied), and a suffix, sent as the frames of one WebSocket message.
/// </summary>
internal readonly record struct OutgoingMessage(
    ReadOnlyMemory<byte> Prefix,
    ReadOnlyMemory<byte> Payload,
    ReadOnlyMemory<byte> Suffix,
    WebSocketCloseStatus? CloseStatus = null,
    string? CloseReason = null)
{
    public static OutgoingMessage Whole(ReadOnlyMemory<byte> message) => new(message, ReadOnlyMemory<byte>.Empty, ReadOnlyMemory<byte>.Empty);

    /// <summary>The close frame, sent in order after everything queued before it.</summary>
    public static OutgoingMessage Close(int code, string reason) =>
        new(ReadOnlyMemory<byte>.Empty, ReadOnlyMemory<byte>.Empty, ReadOnlyMemory<byte>.Empty, (WebSocketCloseStatus)code, CloseReasons.Truncate(reason));

    public async ValueTask SendAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        if (CloseStatus is { } status)
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync(status, CloseReason, cancellationToken);
            }

            return;
        }

        var hasPayload = !Payload.IsEmpty;
        var hasSuffix = !Suffix.IsEmpty;
        await socket.SendAsync(Prefix, WebSocketMessageType.Text, !hasPayload && !hasSuffix, cancellationToken);
        if (hasPayload)
        {
            await socket.SendAsync(Payload, WebSocketMessageType.Text, !hasSuffix, cancellationToken);
        }

        if (hasSuffix)
        {
            await socket.SendAsync(Suffix, WebSocketMessageType.Text, true, cancellationToken);
        }
    }
}
