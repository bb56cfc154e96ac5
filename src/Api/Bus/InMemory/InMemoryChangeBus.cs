using System.Collections.Immutable;

namespace CollectionStore.Api.Bus.InMemory;

/// <summary>The bus of a single node: a published notice goes straight to this process's handlers.</summary>
internal sealed class InMemoryChangeBus : IChangeBus
{
    private ImmutableArray<Action<ChangeNotice>> _handlers = [];

    public string Kind => "in-memory";

    public ValueTask PublishAsync(ChangeNotice notice, CancellationToken cancellationToken)
    {
        foreach (var handler in _handlers)
        {
            handler(notice);
        }

        return ValueTask.CompletedTask;
    }

    public IDisposable Subscribe(Action<ChangeNotice> handler)
    {
        ImmutableInterlocked.Update(ref _handlers, static (list, h) => list.Add(h), handler);
        return new Unsubscriber(this, handler);
    }

    private sealed class Unsubscriber(InMemoryChangeBus bus, Action<ChangeNotice> handler) : IDisposable
    {
        public void Dispose() => ImmutableInterlocked.Update(ref bus._handlers, static (list, h) => list.Remove(h), handler);
    }
}
