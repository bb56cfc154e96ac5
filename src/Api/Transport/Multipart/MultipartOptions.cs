using System.ComponentModel.DataAnnotations;

namespace CollectionStore.Api.Transport.Multipart;

/// <summary>
/// Settings of the Apollo multipart transport, read from the shared <c>Subscriptions</c> configuration
/// section (<c>Subscriptions:MultipartHeartbeatInterval</c>).
/// </summary>
internal sealed class MultipartOptions
{
    public const string SectionName = "Subscriptions";

    /// <summary>
    /// How often an empty <c>{}</c> part is written so that proxies and the client see a live stream; Apollo
    /// Router uses 5 s, and Apollo Client ignores these parts.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan MultipartHeartbeatInterval { get; set; } = TimeSpan.FromSeconds(5);
}
