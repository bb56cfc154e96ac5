using System.Buffers;
using System.Net.WebSockets;

namespace CollectionStore.Api.Transport.WebSockets;

/// <summary>
/// Reads whole text messages from a WebSocket, refusing one as soon as it grows past the size limit, before
/// it is buffered whole. An idle connection holds no receive buffer: it waits with a zero-byte read, and a
/// pooled chunk is rented only while a message is arriving.
/// </summary>
internal sealed class WebSocketMessageReader(WebSocket socket, int maxMessageBytes)
{
    private const int ChunkBytes = 4096;

    /// <summary>The next message; <see cref="ReadStatus.Closed"/> when the peer closed the socket.</summary>
    public async Task<(ReadStatus Status, byte[] Message)> ReadAsync(CancellationToken cancellationToken)
    {
        // Returns once a frame has started to arrive (or the peer closed), without consuming any payload.
        var first = await socket.ReceiveAsync(Memory<byte>.Empty, cancellationToken);
        if (first.MessageType == WebSocketMessageType.Close)
        {
            return (ReadStatus.Closed, []);
        }

        if (first.EndOfMessage)
        {
            return (Status(first.MessageType), []);
        }

        var chunk = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            return await ReadRestAsync(chunk, cancellationToken);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    private async Task<(ReadStatus Status, byte[] Message)> ReadRestAsync(byte[] chunk, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>();
        while (true)
        {
            var result = await socket.ReceiveAsync(chunk.AsMemory(), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return (ReadStatus.Closed, []);
            }

            if (buffer.WrittenCount + result.Count > maxMessageBytes)
            {
                return (ReadStatus.TooLarge, []);
            }

            buffer.Write(chunk.AsSpan(0, result.Count));
            if (result.EndOfMessage)
            {
                return (Status(result.MessageType), buffer.WrittenSpan.ToArray());
            }
        }
    }

    private static ReadStatus Status(WebSocketMessageType type) => type == WebSocketMessageType.Binary ? ReadStatus.Binary : ReadStatus.Message;
}

/// <summary>What <see cref="WebSocketMessageReader"/> read.</summary>
internal enum ReadStatus
{
    Message,
    Binary,
    TooLarge,
    Closed,
}
