using CollectionStore.Api.Bus;
using CollectionStore.Api.Bus.InMemory;
using CollectionStore.Domain.ChangeFeed;

namespace CollectionStore.Api.Tests.Bus;

public sealed class InMemoryChangeBusTests : ChangeBusContract
{
    protected override Task<(IChangeBus Publisher, IChangeBus Receiver)> ConnectAsync()
    {
        var bus = new InMemoryChangeBus();
        return Task.FromResult<(IChangeBus, IChangeBus)>((bus, bus));
    }

    [Fact]
    public async Task Publish_InProcess_KeepsTheChangeRecordForTheDispatcher()
    {
        var bus = new InMemoryChangeBus();
        ChangeNotice? received = null;
        using var subscription = bus.Subscribe(n => received = n);
        var record = new ChangeRecord(3, "Task", "d", ChangeOperation.Deleted, 2, null, null, null, DateTimeOffset.UnixEpoch);

        await bus.PublishAsync(new ChangeNotice(3, "Task", "d", record), CancellationToken.None);

        Assert.Same(record, received?.Record);
    }
}
