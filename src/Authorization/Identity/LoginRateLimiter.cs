namespace CollectionStore.Authorization.Identity;

/// <summary>
/// Failed logins per normalized username and per client address in a sliding window
/// (<see cref="LoginRateLimitOptions"/>). An attempt is counted as a failure when it starts, before the slow
/// password check, and taken back only if it succeeds, so concurrent attempts (pipelined messages, batches)
/// cannot slip past the limit while the hash is being verified.
/// </summary>
internal sealed class LoginRateLimiter(LoginRateLimitOptions options, TimeProvider time)
{
    private const int SweepEvery = 1024;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, List<DateTimeOffset>> _failures = new(StringComparer.Ordinal);
    private int _operations;

    /// <summary>
    /// Starts an attempt. Over the limit for the username or the address, nothing is counted and the result carries
    /// how long until the oldest counted failure leaves the window.
    /// </summary>
    public LoginAttempt Begin(string normalizedUsername, string? address)
    {
        var keys = Keys(normalizedUsername, address);
        var now = time.GetUtcNow();
        if (options.MaxFailures <= 0)
        {
            // A limit of zero switches rate limiting off rather than refusing every login.
            return new LoginAttempt([], now, RetryAfter: null);
        }

        lock (_lock)
        {
            SweepOccasionally(now);
            var retryAfter = TimeSpan.Zero;
            foreach (var key in keys)
            {
                var failures = Prune(key, now);
                if (failures is not null && failures.Count >= options.MaxFailures)
                {
                    var wait = failures[failures.Count - options.MaxFailures] + options.Window - now;
                    retryAfter = wait > retryAfter ? wait : retryAfter;
                }
            }

            if (retryAfter > TimeSpan.Zero)
            {
                return new LoginAttempt(keys, now, retryAfter);
            }

            foreach (var key in keys)
            {
                if (!_failures.TryGetValue(key, out var failures))
                {
                    _failures[key] = failures = [];
                }

                failures.Add(now);
            }

            return new LoginAttempt(keys, now, RetryAfter: null);
        }
    }

    /// <summary>Takes back the failure <see cref="Begin"/> counted for an attempt that turned out to succeed.</summary>
    public void Succeeded(LoginAttempt attempt)
    {
        lock (_lock)
        {
            foreach (var key in attempt.Keys)
            {
                if (_failures.TryGetValue(key, out var failures))
                {
                    failures.Remove(attempt.StartedAt);
                }
            }
        }
    }

    private static string[] Keys(string normalizedUsername, string? address) =>
        address is null ? ["u:" + normalizedUsername] : ["u:" + normalizedUsername, "a:" + address];

    private List<DateTimeOffset>? Prune(string key, DateTimeOffset now)
    {
        if (!_failures.TryGetValue(key, out var failures))
        {
            return null;
        }

        var cutoff = now - options.Window;
        failures.RemoveAll(at => at <= cutoff);
        return failures;
    }

    private void SweepOccasionally(DateTimeOffset now)
    {
        // Bounded memory under a spray of usernames: empty windows are dropped every so often.
        if (++_operations % SweepEvery != 0)
        {
            return;
        }

        foreach (var key in _failures.Keys.ToList())
        {
            if (Prune(key, now) is { Count: 0 })
            {
                _failures.Remove(key);
            }
        }
    }
}
