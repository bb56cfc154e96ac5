using System.Buffers.Text;
using System.Net.WebSockets;
using System.Text;

namespace CollectionStore.Bench.LoadClient;

/// <summary>
/// One graphql-ws client connection on a raw <see cref="ClientWebSocket"/>: connection_init, subscribe, and a
/// receive loop that parses only what it needs (the message type and the timestamp in the task's title) and
/// records each delivery's latency. A paused subscriber stops reading, as a slow consumer would.
/// </summary>
internal sealed class WsSubscriber : IDisposable
{
    private static readonly byte[] NextType = "\"type\":\"next\""u8.ToArray();
    private static readonly byte[] PingType = "\"type\":\"ping\""u8.ToArray();
    private static readonly byte[] AckType = "\"type\":\"connection_ack\""u8.ToArray();
    private static readonly byte[] ErrorType = "\"type\":\"error\""u8.ToArray();
    private static readonly byte[] TitleStamp = "\"title\":\"t:"u8.ToArray();
    private static readonly byte[] Pong = "{\"type\":\"pong\"}"u8.ToArray();

    private readonly ClientWebSocket _socket = new();
    private readonly LatencyRecorder _recorder;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly TaskCompletionSource _ack = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _resume = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private byte[] _buffer = new byte[1024];
    private volatile bool _paused;

    private WsSubscriber(LatencyRecorder recorder)
    {
        _recorder = recorder;
        _socket.Options.AddSubProtocol("graphql-transport-ws");
        _socket.Options.KeepAliveInterval = TimeSpan.Zero;
    }

    public int Errors { get; private set; }

    public string? FirstError { get; private set; }

    public long Received { get; private set; }

    public static async Task<WsSubscriber> OpenAsync(
        Uri uri, HttpMessageInvoker invoker, LatencyRecorder recorder, string? bearer, CancellationToken cancellationToken)
    {
        var subscriber = new WsSubscriber(recorder);
        try
        {
            await subscriber._socket.ConnectAsync(uri, invoker, cancellationToken);
            var payload = bearer is null ? "{}" : $"{{\"Authorization\":\"Bearer {bearer}\"}}";
            await subscriber.SendAsync($"{{\"type\":\"connection_init\",\"payload\":{payload}}}", cancellationToken);
            _ = subscriber.ReceiveLoopAsync();
            await subscriber._ack.Task.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
            return subscriber;
        }
        catch
        {
            subscriber.Dispose();
            throw;
        }
    }

    public Task SubscribeAsync(string id, string query, string variablesJson, CancellationToken cancellationToken) =>
        SendAsync(
            $"{{\"id\":\"{id}\",\"type\":\"subscribe\",\"payload\":{{\"query\":{System.Text.Json.JsonSerializer.Serialize(query)},\"variables\":{variablesJson}}}}}",
            cancellationToken);

    /// <summary>Stops reading: the server's sends to this connection back up.</summary>
    public void Pause() => _paused = true;

    public void Dispose()
    {
        _resume.TrySetResult();
        _socket.Abort();
        _socket.Dispose();
        _sendLock.Dispose();
    }

    private async Task SendAsync(string text, CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            await _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, cancellationToken);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private async Task ReceiveLoopAsync()
    {
        var length = 0;
        try
        {
            while (true)
            {
                if (_paused)
                {
                    await _resume.Task;
                    return;
                }

                var result = await _socket.ReceiveAsync(_buffer.AsMemory(length), CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    _ack.TrySetException(new InvalidOperationException($"closed: {_socket.CloseStatus} {_socket.CloseStatusDescription}"));
                    return;
                }

                length += result.Count;
                if (!result.EndOfMessage)
                {
                    if (length == _buffer.Length)
                    {
                        Array.Resize(ref _buffer, _buffer.Length * 2);
                    }

                    continue;
                }

                await HandleAsync(_buffer.AsMemory(0, length));
                length = 0;
            }
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or OperationCanceledException)
        {
            _ack.TrySetException(ex);
        }
    }

    private async ValueTask HandleAsync(ReadOnlyMemory<byte> message)
    {
        var span = message.Span;
        if (span.IndexOf(NextType) >= 0)
        {
            Received++;
            var stamp = span.IndexOf(TitleStamp);
            if (stamp >= 0 && Utf8Parser.TryParse(span[(stamp + TitleStamp.Length)..], out long sentNs, out _))
            {
                _recorder.Record(sentNs, Clock.NowNs());
            }
        }
        else if (span.IndexOf(PingType) >= 0)
        {
            await _sendLock.WaitAsync();
            try
            {
                await _socket.SendAsync(Pong, WebSocketMessageType.Text, true, CancellationToken.None);
            }
            finally
            {
                _sendLock.Release();
            }
        }
        else if (span.IndexOf(AckType) >= 0)
        {
            _ack.TrySetResult();
        }
        else if (span.IndexOf(ErrorType) >= 0)
        {
            Errors++;
            FirstError ??= Encoding.UTF8.GetString(span);
        }
    }
}
