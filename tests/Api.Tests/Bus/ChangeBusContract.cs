using System.Diagnostics;
using CollectionStore.Api.Bus;

namespace CollectionStore.Api.Tests.Bus;

/// <summary>
/// What every <see cref="IChangeBus"/> must do, run against each implementation by a derived class. A bus may
/// deliver on another thread (Redis), so every check waits for its condition with a deadline. Only the notice's
/// identity (sequence, collection, id) is compared: a bus between nodes carries no <see cref="ChangeNotice.Record"/>.
/// </summary>
public abstract class ChangeBusContract
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    /// <summary>Two ends of one bus: what the first publishes reaches the handlers of the second (one node: the same bus).</summary>
    protected abstract Task<(IChangeBus Publisher, IChangeBus Receiver)> ConnectAsync();

    [Fact]
    public async Task Kind_Always_IsNamed()
    {
        var (publisher, _) = await ConnectAsync();

        Assert.False(string.IsNullOrWhiteSpace(publisher.Kind));
    }

    [Fact]
    public async Task Publish_OneHandler_ReceivesTheNoticeIdentity()
    {
        var (publisher, receiver) = await ConnectAsync();
        var received = new Recorder();
        using var subscription = receiver.Subscribe(received.Add);

        await publisher.PublishAsync(new ChangeNotice(7, "Task", "doc-1", null), CancellationToken.None);
        await received.WaitForAsync(1);

        var notice = Assert.Single(received.Notices);
        Assert.Equal((7L, "Task", "doc-1"), (notice.Sequence, notice.Collection, notice.DocumentId));
    }

    [Fact]
    public async Task Publish_TwoHandlers_BothReceiveEveryNotice()
    {
        var (publisher, receiver) = await ConnectAsync();
        var first = new Recorder();
        var second = new Recorder();
        using var a = receiver.Subscribe(first.Add);
        using var b = receiver.Subscribe(second.Add);

        await publisher.PublishAsync(new ChangeNotice(1, "Task", "x", null), CancellationToken.None);
        await publisher.PublishAsync(new ChangeNotice(2, "Project", "y", null), CancellationToken.None);
        await first.WaitForAsync(2);
        await second.WaitForAsync(2);

        Assert.Equal([1L, 2L], first.Notices.Select(n => n.Sequence));
        Assert.Equal([1L, 2L], second.Notices.Select(n => n.Sequence));
    }

    [Fact]
    public async Task Publish_ManyFromOnePublisher_ArriveInPublishOrder()
    {
        var (publisher, receiver) = await ConnectAsync();
        var received = new Recorder();
        using var subscription = receiver.Subscribe(received.Add);

        for (var sequence = 1L; sequence <= 200; sequence++)
        {
            await publisher.PublishAsync(new ChangeNotice(sequence, "Task", $"d{sequence}", null), CancellationToken.None);
        }

        await received.WaitForAsync(200);

        Assert.Equal(Enumerable.Range(1, 200).Select(s => (long)s), received.Notices.Select(n => n.Sequence));
    }

    [Fact]
    public async Task Subscribe_Disposed_StopsDeliveryToThatHandlerOnly()
    {
        var (publisher, receiver) = await ConnectAsync();
        var stopped = new Recorder();
        var kept = new Recorder();
        var subscription = receiver.Subscribe(stopped.Add);
        using var other = receiver.Subscribe(kept.Add);
        await publisher.PublishAsync(new ChangeNotice(1, "Task", "a", null), CancellationToken.None);
        await stopped.WaitForAsync(1);

        subscription.Dispose();
        await publisher.PublishAsync(new ChangeNotice(2, "Task", "b", null), CancellationToken.None);
        await kept.WaitForAsync(2);

        // The kept handler has seen notice 2, and a bus delivers one publisher's notices in order, so the
        // disposed handler would have seen it by now too.
        Assert.Equal([1L], stopped.Notices.Select(n => n.Sequence));
    }

    /// <summary>Collects notices from any thread.</summary>
    private sealed class Recorder
    {
        private readonly Lock _lock = new();
        private readonly List<ChangeNotice> _notices = [];

        public IReadOnlyList<ChangeNotice> Notices
        {
            get
            {
                lock (_lock)
                {
                    return [.. _notices];
                }
            }
        }

        public void Add(ChangeNotice notice)
        {
            lock (_lock)
            {
                _notices.Add(notice);
            }
        }

        public async Task WaitForAsync(int count)
        {
            var watch = Stopwatch.StartNew();
            while (Notices.Count < count)
            {
                Assert.True(watch.Elapsed < Deadline, $"Timed out waiting for {count} notices; got {Notices.Count}");
                await Task.Delay(5);
            }
        }
    }
}
