namespace CollectionStore.Api.Transport.WebSockets;

/// <summary>One operation of a connection: its cancellation and, for a subscription, the engine handle.</summary>
internal sealed class RunningOperation : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _lock = new();
    private IAsyncDisposable? _handle;
    private bool _stopped;

    public RunningOperation(string id)
    {
        Id = id;

        // Kept apart from the source: the token stays readable after the source is disposed.
        Token = _stop.Token;
    }

    public string Id { get; }

    public CancellationToken Token { get; }

    /// <summary>Keeps the subscription handle; false when the operation was already stopped.</summary>
    public bool Attach(IAsyncDisposable handle)
    {
        lock (_lock)
        {
            if (_stopped)
            {
                return false;
            }

            _handle = handle;
            return true;
        }
    }

    public async ValueTask StopAsync()
    {
        IAsyncDisposable? handle;
        lock (_lock)
        {
            if (_stopped)
            {
                return;
            }

            _stopped = true;
            handle = _handle;
        }

        await _stop.CancelAsync();
        if (handle is not null)
        {
            await handle.DisposeAsync();
        }
    }

    public void Dispose() => _stop.Dispose();
}
