namespace CollectionStore.Domain.ChangeFeed;

/// <summary>
/// In-process notification of committed changes, raised in sequence order after commit. Listeners must be
/// fast and must not throw; the subscription engine hands changes to its own queue.
/// </summary>
public interface IChangeNotifier
{
    /// <summary>Registers a listener; dispose the result to remove it.</summary>
    IDisposable Subscribe(Action<ChangeRecord> listener);
}
