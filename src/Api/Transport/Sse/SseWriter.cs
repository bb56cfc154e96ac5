using System.Threading.Channels;

namespace CollectionStore.Api.Transport.Sse;

/// <summary>
/// The one writer of an event stream: a bounded queue of frames and a loop that writes them in order, flushing
/// whenever the queue runs dry. Subscription events may use <c>capacity</c> places; control frames (errors,
/// completes, keep-alives) have a small reserve beyond it so a slow consumer's error still gets out. Frames
/// queued before the loop starts (a reservation not yet connected) wait in the same bounded queue.
/// </summary>
internal sealed class SseWriter
{
    private const int ControlReserve = 64;

    private readonly Channel<SseFrame> _queue;
    private readonly int _capacity;
    private int _queued;

    public SseWriter(int capacity)
    {
        _capacity = capacity;
        _queue = Channel.CreateBounded<SseFrame>(new BoundedChannelOptions(capacity + ControlReserve)
        {
            FullMode = BoundedChannelFullMode.DropWrite,
            SingleReader = true,
        });
    }

    /// <summary>Queues a subscription event; false when the stream already has its capacity waiting.</summary>
    public bool TryEnqueueEvent(SseFrame frame)
    {
        if (Interlocked.Increment(ref _queued) > _capacity || !_queue.Writer.TryWrite(frame))
        {
            Interlocked.Decrement(ref _queued);
            return false;
        }

        return true;
    }

    /// <summary>Queues a control frame; false only when the stream has ended or stopped reading altogether.</summary>
    public bool TryEnqueueControl(SseFrame frame)
    {
        Interlocked.Increment(ref _queued);
        if (_queue.Writer.TryWrite(frame))
        {
            return true;
        }

        Interlocked.Decrement(ref _queued);
        return false;
    }

    /// <summary>Stops accepting frames; the loop ends after writing what is queued.</summary>
    public void Complete() => _queue.Writer.TryComplete();

    /// <summary>Writes frames until <see cref="Complete"/> (then returns) or cancellation (then throws).</summary>
    public async Task RunAsync(Stream body, TimeProvider time, TimeSpan keepAliveInterval, CancellationToken cancellationToken)
    {
        await using var keepAlive = time.CreateTimer(
            _ => TryEnqueueControl(SseFrames.KeepAlive), null, keepAliveInterval, keepAliveInterval);
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync(cancellationToken))
        {
            while (reader.TryRead(out var frame))
            {
                Interlocked.Decrement(ref _queued);
                await frame.WriteAsync(body, cancellationToken);
            }

            await body.FlushAsync(cancellationToken);
        }
    }
}
