using System.ComponentModel.DataAnnotations;

namespace CollectionStore.Api.Transport.HttpStreams;

/// <summary>
/// Settings of the HTTP streaming transports (SSE and multipart), read from the <c>Subscriptions</c> section next to
/// the engine's own <c>SubscriptionOptions</c>.
/// </summary>
internal sealed class StreamOptions
{
    public const string SectionName = "Subscriptions";

    /// <summary>Open streams (and unconnected SSE reservations) one client may hold; the next gets 429.</summary>
    [Range(1, 1_000_000)]
    public int MaxStreamsPerClient { get; set; } = 100;

    /// <summary>How long an SSE single-connection reservation waits for its stream before it is dropped.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan ReservationTimeout { get; set; } = TimeSpan.FromSeconds(60);
}
