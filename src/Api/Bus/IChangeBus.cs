namespace CollectionStore.Api.Bus;

/// <summary>
/// Carries committed changes to the subscription engine of every node. Implementations: in-memory (one node)
/// and Redis pub/sub (several nodes). A bus may lose or repeat notices; the engine orders them by sequence,
/// drops repeats and fills gaps from the store's change feed, so the bus is only a doorbell.
/// </summary>
public interface IChangeBus
{
    /// <summary>A short name for health and logs (<c>in-memory</c>, <c>redis</c>).</summary>
    string Kind { get; }

    /// <summary>Publishes a committed change to every node's subscribers.</summary>
    ValueTask PublishAsync(ChangeNotice notice, CancellationToken cancellationToken);

    /// <summary>Registers a handler for notices; it must be fast and must not throw. Dispose to remove it.</summary>
    IDisposable Subscribe(Action<ChangeNotice> handler);
}
