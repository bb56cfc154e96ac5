using System.Buffers;
using System.Net.WebSockets;

namespace CollectionStore.Api.Transport.WebSockets;

/// <summary>
/// One text message to send: an envelope prefix, an optional payload shared with other connections (the
/// cohort's serialised result, shared), and a suffix, joined in a pooled buffer and sent as one WebSocket frame.
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

        if (Payload.IsEmpty && Suffix.IsEmpty)
        {
            await socket.SendAsync(Prefix, WebSocketMessageType.Text, true, cancellationToken);
            return;
        }

        // One frame and one write per message: three fragments would cost three frame headers and three socket writes.
        var length = Prefix.Length + Payload.Length + Suffix.Length;
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            Prefix.Span.CopyTo(buffer);
            Payload.Span.CopyTo(buffer.AsSpan(Prefix.Length));
            Suffix.Span.CopyTo(buffer.AsSpan(Prefix.Length + Payload.Length));
            await socket.SendAsync(buffer.AsMemory(0, length), WebSocketMessageType.Text, true, cancellationToken);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
