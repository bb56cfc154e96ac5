using System.Collections.Concurrent;
using CollectionStore.Api.Transport.HttpStreams;
using Microsoft.Extensions.Options;

namespace CollectionStore.Api.Transport.Sse;

/// <summary>
/// Every live single-connection reservation by token. A reservation whose stream does not connect within
/// <c>Subscriptions:ReservationTimeout</c> is dropped with everything it started.
/// </summary>
internal sealed class SseReservations(
    IOptions<StreamOptions> streamOptions,
    IOptions<Subscriptions.SubscriptionOptions> subscriptionOptions,
    TimeProvider time,
    ILogger<SseReservations> logger)
{
    private readonly ConcurrentDictionary<string, SseReservation> _reservations = new(StringComparer.Ordinal);

    /// <summary>Live reservations (tests and diagnostics).</summary>
    public int Count => _reservations.Count;

    public SseReservation Create(string? owner, StreamLease lease)
    {
        var options = subscriptionOptions.Value;
        var reservation = new SseReservation(SseToken.Create(), owner, lease, options.SendQueueCapacity, options.MaxOperationsPerConnection);
        _reservations[reservation.Token] = reservation;
        reservation.SetExpiry(time.CreateTimer(Expire, reservation, streamOptions.Value.ReservationTimeout, Timeout.InfiniteTimeSpan));
        return reservation;
    }

    /// <summary>
    /// Takes over a reservation another node made, under its token, for a stream about to open here; it has no
    /// expiry of its own because the stream connects at once.
    /// </summary>
    public SseReservation Adopt(string token, string? owner, StreamLease lease)
    {
        var options = subscriptionOptions.Value;
        var reservation = new SseReservation(token, owner, lease, options.SendQueueCapacity, options.MaxOperationsPerConnection);
        if (!_reservations.TryAdd(token, reservation))
        {
            lease.Dispose();
            return _reservations[token];
        }

        return reservation;
    }

    public SseReservation? Find(string token) => _reservations.GetValueOrDefault(token);

    /// <summary>Forgets the reservation and closes it (its stream ended or it expired).</summary>
    public async ValueTask CloseAsync(SseReservation reservation)
    {
        _reservations.TryRemove(new KeyValuePair<string, SseReservation>(reservation.Token, reservation));
        await reservation.CloseAsync();
    }

    /// <summary>Drops the reservation when no stream connected to it here (another node's stream claimed it).</summary>
    public void DropUnconnected(string token)
    {
        // Forgotten first, so no request finds it half-dropped. A stream here cannot be connecting at the same
        // time (the other node holds the claim), so failing to claim it means it is expiring anyway.
        if (Find(token) is { IsConnected: false } reservation
            && _reservations.TryRemove(new KeyValuePair<string, SseReservation>(token, reservation))
            && reservation.TryConnect())
        {
            _ = reservation.CloseAsync().AsTask();
        }
    }

    private void Expire(object? state)
    {
        var reservation = (SseReservation)state!;
        // Claiming it as if for a stream means no stream can connect while it is being dropped.
        if (reservation.TryConnect())
        {
            SseLog.ReservationExpired(logger);
            _ = CloseAsync(reservation).AsTask();
        }
    }
}
