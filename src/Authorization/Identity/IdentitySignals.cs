using System.Collections.Immutable;

namespace CollectionStore.Authorization.Identity;

/// <summary>
/// The in-process fan-out of <see cref="IdentitySignal"/>s. The identity service publishes after each commit; the
/// transports (and, across nodes, the bus) listen. A listener that throws never stops the others.
/// </summary>
public sealed class IdentitySignals
{
    private ImmutableArray<Action<IdentitySignal>> _listeners = [];

    /// <summary>Registers a listener until the returned handle is disposed.</summary>
    public IDisposable Subscribe(Action<IdentitySignal> listener)
    {
        ImmutableInterlocked.Update(ref _listeners, list => list.Add(listener));
        return new Subscription(this, listener);
    }

    public void Publish(IdentitySignal signal)
    {
        foreach (var listener in _listeners)
        {
            try
            {
                listener(signal);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // One faulty listener must not keep a revocation from the others.
            }
        }
    }

    private sealed class Subscription(IdentitySignals owner, Action<IdentitySignal> listener) : IDisposable
    {
        public void Dispose() => ImmutableInterlocked.Update(ref owner._listeners, list => list.Remove(listener));
    }
}
