using System.Net.WebSockets;
using System.Threading.Channels;

namespace CollectionStore.Api.Transport.WebSockets;

/// <summary>
/// The one writer of a WebSocket: a bounded queue of outgoing text messages and a loop that sends them in
/// order. Subscription events may only use <see cref="SendQueueCapacity"/> places; protocol messages (acks,
/// pongs, errors, completes) have a small reserve beyond it so a slow consumer's error still gets out.
/// </summary>
internal sealed class WebSocketSender
{
    private const int ControlReserve = 64;

    private readonly WebSocket _socket;
    private readonly Channel<OutgoingMessage> _queue;
    private readonly int _capacity;
    private int _queued;

    public WebSocketSender(WebSocket socket, int capacity)
    {
        _socket = socket;
        _capacity = capacity;
        _queue = Channel.CreateBounded<OutgoingMessage>(new BoundedChannelOptions(capacity + ControlReserve)
        {
            FullMode = BoundedChannelFullMode.DropWrite,
            SingleReader = true,
        });
    }

    public int SendQueueCapacity => _capacity;

    /// <summary>Queues a subscription event; false when the connection already has its capacity waiting.</summary>
    public bool TryEnqueueEvent(OutgoingMessage message)
    {
        if (Interlocked.Increment(ref _queued) > _capacity)
        {
            Interlocked.Decrement(ref _queued);
            return false;
        }

        if (!_queue.Writer.TryWrite(message))
        {
            Interlocked.Decrement(ref _queued);
            return false;
        }

        return true;
    }

    /// <summary>Queues a protocol message; false only when the peer stopped reading altogether.</summary>
    public bool TryEnqueueControl(OutgoingMessage message)
    {
        Interlocked.Increment(ref _queued);
        if (_queue.Writer.TryWrite(message))
        {
            return true;
        }

        Interlocked.Decrement(ref _queued);
        return false;
    }

    /// <summary>Stops accepting messages; the loop ends after sending what is queued.</summary>
    public void Complete() => _queue.Writer.TryComplete();

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await foreach (var message in _queue.Reader.ReadAllAsync(cancellationToken))
        {
            Interlocked.Decrement(ref _queued);
            await message.SendAsync(_socket, cancellationToken);
        }
    }
}
