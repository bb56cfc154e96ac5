using System.Net.WebSockets;
using System.Text.Json;

namespace CollectionStore.Api.Transport.WebSockets;

/// <summary>
/// The socket side of one connection, shared by both sub-protocols: reads messages (size-limited, JSON objects
/// only), sends through the connection's <see cref="WebSocketSender"/>, and closes once with a code and reason.
/// </summary>
internal sealed class WebSocketSession(WebSocket socket, WebSocketSender sender, int maxMessageBytes, int invalidMessageCloseCode) : IDisposable
{
    private static readonly TimeSpan CloseHandshakeTimeout = TimeSpan.FromSeconds(5);

    private readonly CancellationTokenSource _closing = new();
    private int _closeRequested;

    /// <summary>Cancelled when the connection starts closing, from either side.</summary>
    public CancellationToken Closing => _closing.Token;

    public WebSocketSender Sender => sender;

    public void Send(OutgoingMessage message)
    {
        if (Volatile.Read(ref _closeRequested) == 0 && !sender.TryEnqueueControl(message))
        {
            // The peer has stopped reading even protocol messages: nothing more can reach it.
            socket.Abort();
        }
    }

    /// <summary>Sends the close frame after everything already queued, and stops handling messages.</summary>
    public void Close(int code, string reason)
    {
        if (Interlocked.Exchange(ref _closeRequested, 1) == 1)
        {
            return;
        }

        sender.TryEnqueueControl(OutgoingMessage.Close(code, reason));
        _closing.Cancel();
        _ = AbortIfPeerSilentAsync();
    }

    /// <summary>Hands each message to <paramref name="handle"/> until the peer closes or <see cref="Close"/> is called.</summary>
    public async Task ReceiveAllAsync(Func<JsonElement, ValueTask> handle, CancellationToken cancellationToken)
    {
        var reader = new WebSocketMessageReader(socket, maxMessageBytes);
        while (socket.State == WebSocketState.Open)
        {
            var (status, bytes) = await reader.ReadAsync(cancellationToken);
            if (status == ReadStatus.Closed)
            {
                break;
            }

            if (Volatile.Read(ref _closeRequested) == 1)
            {
                continue;
            }

            if (status == ReadStatus.TooLarge)
            {
                Close(invalidMessageCloseCode, "Message too large");
                continue;
            }

            await HandleOneAsync(status, bytes, handle);
        }

        if (!_closing.IsCancellationRequested)
        {
            await _closing.CancelAsync();
        }
    }

    private async ValueTask HandleOneAsync(ReadStatus status, byte[] bytes, Func<JsonElement, ValueTask> handle)
    {
        JsonDocument? document = null;
        try
        {
            document = status == ReadStatus.Message ? JsonDocument.Parse(bytes) : null;
        }
        catch (JsonException)
        {
            document = null;
        }

        using (document)
        {
            if (document?.RootElement.ValueKind != JsonValueKind.Object)
            {
                Close(invalidMessageCloseCode, "Invalid message received");
                return;
            }

            await handle(document.RootElement);
        }
    }

    private async Task AbortIfPeerSilentAsync()
    {
        await Task.Delay(CloseHandshakeTimeout);
        if (socket.State is not (WebSocketState.Closed or WebSocketState.Aborted))
        {
            socket.Abort();
        }
    }

    public void Dispose() => _closing.Dispose();
}
