namespace CollectionStore.Domain.ChangeFeed;

/// <summary>
/// The store's listener list. <see cref="Raise"/> is called by the single writer after each commit, so listeners see
/// changes in sequence order. A throwing listener is reported and skipped: its bug must not fail a committed write.
/// </summary>
internal sealed class ChangeNotifier(Action<ChangeRecord, Exception>? listenerFailed) : IChangeNotifier
{
    private readonly Lock _lock = new();
    private Action<ChangeRecord>[] _listeners = [];

    public IDisposable Subscribe(Action<ChangeRecord> listener)
    {
        ArgumentNullException.ThrowIfNull(listener);
        lock (_lock)
        {
            _listeners = [.. _listeners, listener];
        }

        return new Subscription(this, listener);
    }

    public void Raise(ChangeRecord change)
    {
        // Copy-on-write array: raising never takes the lock and never sees a half-updated list.
        foreach (var listener in Volatile.Read(ref _listeners))
        {
            try
            {
                listener(change);
            }
#pragma warning disable CA1031 // A listener's failure is its own bug; the write has committed and must report success.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                listenerFailed?.Invoke(change, ex);
            }
        }
    }

    private void Remove(Action<ChangeRecord> listener)
    {
        lock (_lock)
        {
            var index = Array.IndexOf(_listeners, listener);
            if (index >= 0)
            {
                _listeners = [.. _listeners[..index], .. _listeners[(index + 1)..]];
            }
        }
    }

    private sealed class Subscription(ChangeNotifier owner, Action<ChangeRecord> listener) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Remove(listener);
            }
        }
    }
}
