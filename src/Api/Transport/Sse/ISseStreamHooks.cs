namespace CollectionStore.Api.Transport.Sse;

/// <summary>
/// What a single-connection stream tells whoever shares its reservation with other nodes: the claim before it
/// connects (so exactly one stream across all nodes wins), that it connected, and that it closed.
/// </summary>
internal interface ISseStreamHooks
{
    /// <summary>Claims the reservation for this stream; false when another stream holds it (answered 409).</summary>
    Task<bool> ClaimAsync(SseReservation reservation, CancellationToken cancellationToken);

    /// <summary>The stream connected; called once, after a successful claim.</summary>
    void Connected(SseReservation reservation);

    /// <summary>Gives the claim back: the stream ended, or it never connected after the claim.</summary>
    Task ReleaseAsync(SseReservation reservation);
}
