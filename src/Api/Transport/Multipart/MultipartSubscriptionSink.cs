using System.Threading.Channels;
using CollectionStore.Api.Subscriptions;
using GraphQL;

namespace CollectionStore.Api.Transport.Multipart;

/// <summary>
/// The engine's side of one multipart stream: a bounded queue of events that the response writer drains.
/// A full queue makes <see cref="TryPublish"/> fail, so the engine ends the operation with SLOW_CONSUMER;
/// the error itself never needs queue space, it is kept aside and written after the queued events.
/// </summary>
internal sealed class MultipartSubscriptionSink(int capacity) : ISubscriptionSink
{
    private readonly Channel<SubscriptionEvent> _events = Channel.CreateBounded<SubscriptionEvent>(
        new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
            SingleWriter = false,
        });

    private IReadOnlyList<ExecutionError>? _failure;

    public ChannelReader<SubscriptionEvent> Events => _events.Reader;

    /// <summary>The errors the operation ended with, once the queue has completed; null for a normal end.</summary>
    public IReadOnlyList<ExecutionError>? Failure => Volatile.Read(ref _failure);

    public bool TryPublish(SubscriptionEvent subscriptionEvent) => _events.Writer.TryWrite(subscriptionEvent);

    public void Fail(IReadOnlyList<ExecutionError> errors)
    {
        // Only the first end counts; the failure is visible before the reader can see the queue complete.
        if (Interlocked.CompareExchange(ref _failure, errors, null) is null)
        {
            _events.Writer.TryComplete();
        }
    }

    public void Complete() => _events.Writer.TryComplete();
}
