namespace CollectionStore.Api.Identity;

/// <summary>
/// One authenticated connection or stream known to <see cref="LiveConnections"/>. <see cref="End"/> runs its
/// transport's ending (a 4403 close, a final UNAUTHENTICATED error) exactly once; disposing unregisters it.
/// </summary>
internal sealed class LiveConnection : IDisposable
{
    private readonly LiveConnections _owner;
    private readonly Action<ConnectionEnd> _end;
    private int _ended;

    public LiveConnection(LiveConnections owner, AuthenticationResult authentication, string protocol, Action<ConnectionEnd> end)
    {
        _owner = owner;
        _end = end;
        Authentication = authentication;
        Protocol = protocol;
    }

    public AuthenticationResult Authentication { get; }

    /// <summary>The transport: <c>graphql-transport-ws</c>, <c>graphql-ws</c>, <c>sse</c> or <c>multipart</c>.</summary>
    public string Protocol { get; }

    public ITimer? Expiry { get; set; }

    /// <summary>True once the connection was ended for its token or session; nothing new may start on it.</summary>
    public bool HasEnded => Volatile.Read(ref _ended) == 1;

    /// <summary>True when the token has expired, even if the expiry timer has not fired yet.</summary>
    public bool IsExpiredAt(DateTimeOffset now) => Authentication.EndsAt is { } endsAt && now >= endsAt;

    public void End(ConnectionEnd reason)
    {
        if (Interlocked.Exchange(ref _ended, 1) == 1)
        {
            return;
        }

        Expiry?.Dispose();
        _owner.Ended(this, reason);
        _end(reason);
    }

    public void Dispose()
    {
        Expiry?.Dispose();
        _owner.Unregister(this);
    }
}
