using System.Collections.Concurrent;
using CollectionStore.Authorization.Identity;

namespace CollectionStore.Api.Identity;

/// <summary>
/// Short-lived copies of session states and user records, so authenticating a request does not read the store
/// every time. An identity signal (in process, or from another node through the bus) drops the affected entries
/// at once; the time limit only bounds how stale an entry can be when a signal was lost.
/// </summary>
internal sealed class IdentityCache : IDisposable
{
    private static readonly TimeSpan EntryLifetime = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, Entry<bool>> _sessions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Entry<UserAccount?>> _users = new(StringComparer.Ordinal);
    private readonly IIdentityService _identity;
    private readonly TimeProvider _time;
    private readonly IDisposable _subscription;

    public IdentityCache(IIdentityService identity, IdentitySignals signals, TimeProvider time)
    {
        _identity = identity;
        _time = time;
        _subscription = signals.Subscribe(OnSignal);
    }

    public async ValueTask<bool> IsSessionActiveAsync(string sessionId, CancellationToken cancellationToken)
    {
        if (_sessions.TryGetValue(sessionId, out var cached) && cached.IsFresh(_time))
        {
            return cached.Value;
        }

        var active = await _identity.IsSessionActiveAsync(sessionId, cancellationToken);
        _sessions[sessionId] = new Entry<bool>(active, _time.GetTimestamp());
        return active;
    }

    public async ValueTask<UserAccount?> FindUserAsync(string userId, CancellationToken cancellationToken)
    {
        if (_users.TryGetValue(userId, out var cached) && cached.IsFresh(_time))
        {
            return cached.Value;
        }

        var user = await _identity.FindUserAsync(userId, cancellationToken);
        _users[userId] = new Entry<UserAccount?>(user, _time.GetTimestamp());
        return user;
    }

    public void Dispose() => _subscription.Dispose();

    private void OnSignal(IdentitySignal signal)
    {
        _users.TryRemove(signal.UserId, out _);
        foreach (var sessionId in signal.SessionIds)
        {
            _sessions[sessionId] = new Entry<bool>(false, _time.GetTimestamp());
        }

        if (signal.Kind == IdentitySignalKind.SessionsRevoked && signal.SessionIds.Count == 0)
        {
            // Every session of the user: the cache does not index sessions by user, so forget them all.
            _sessions.Clear();
        }
    }

    private readonly record struct Entry<T>(T Value, long Timestamp)
    {
        public bool IsFresh(TimeProvider time) => time.GetElapsedTime(Timestamp) < EntryLifetime;
    }
}
