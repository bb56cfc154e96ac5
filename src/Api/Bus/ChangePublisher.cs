using CollectionStore.Domain.ChangeFeed;
using CollectionStore.Domain.Store;

namespace CollectionStore.Api.Bus;

/// <summary>
/// Publishes every change this node's store commits to the bus, in commit order. A failed publish is logged
/// and not retried: subscribers on other nodes recover the change from the feed when they see the gap.
/// </summary>
internal sealed class ChangePublisher(IDocumentStore store, IChangeBus bus, ILogger<ChangePublisher> logger) : IHostedService
{
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = store.Changes.Subscribe(Publish);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }

    private void Publish(ChangeRecord change)
    {
        var notice = new ChangeNotice(change.Sequence, change.Collection, change.DocumentId, change);
        var pending = bus.PublishAsync(notice, CancellationToken.None);
        if (!pending.IsCompletedSuccessfully)
        {
            _ = ObserveAsync(pending, change.Sequence);
        }
    }

    private async Task ObserveAsync(ValueTask pending, long sequence)
    {
        try
        {
            await pending;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            BusLog.PublishFailed(logger, ex, sequence);
        }
    }
}
