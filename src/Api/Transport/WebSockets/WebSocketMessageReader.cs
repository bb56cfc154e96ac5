using System.Buffers;
using System.Net.WebSockets;

namespace CollectionStore.Api.Transport.WebSockets;

/// <summary>
/// Reads whole text messages from a WebSocket, refusing one as soon as it grows past the size limit, before
/// it is buffered whole.
/// </summary>
internal sealed class WebSocketMessageReader(WebSocket socket, int maxMessageBytes)
{
    private readonly byte[] _chunk = new byte[4096];

    /// <summary>The next message; <see cref="ReadStatus.Closed"/> when the peer closed the socket.</summary>
    public async Task<(ReadStatus Status, byte[] Message)> ReadAsync(CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>();
        while (true)
        {
            var result = await socket.ReceiveAsync(_chunk.AsMemory(), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return (ReadStatus.Closed, []);
            }

            if (buffer.WrittenCount + result.Count > maxMessageBytes)
            {
                return (ReadStatus.TooLarge, []);
            }

            buffer.Write(_chunk.AsSpan(0, result.Count));
            if (result.EndOfMessage)
            {
                return (result.MessageType == WebSocketMessageType.Binary ? ReadStatus.Binary : ReadStatus.Message, buffer.WrittenSpan.ToArray());
            }
        }
    }
}

/// <summary>What <see cref="WebSocketMessageReader"/> read.</summary>
internal enum ReadStatus
{
    Message,
    Binary,
    TooLarge,
    Closed,
}
