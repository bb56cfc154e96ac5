using System.ComponentModel.DataAnnotations;

namespace CollectionStore.Api.Subscriptions;

/// <summary>Settings of the subscription engine and the streaming transports (configuration section <c>Subscriptions</c>).</summary>
internal sealed class SubscriptionOptions
{
    public const string SectionName = "Subscriptions";

    /// <summary>How long a WebSocket may stay open without a successful <c>connection_init</c>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan ConnectionInitTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Interval of server pings, <c>ka</c> messages and SSE keep-alive comments.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(12);

    /// <summary>Operations one connection may run at once; the next <c>subscribe</c> gets TOO_MANY_OPERATIONS.</summary>
    [Range(1, 100_000)]
    public int MaxOperationsPerConnection { get; set; } = 100;

    /// <summary>Largest incoming WebSocket message, enforced before the message is buffered whole.</summary>
    [Range(256, 64 * 1024 * 1024)]
    public int MaxMessageBytes { get; set; } = 64 * 1024;

    /// <summary>Origins allowed to open a WebSocket from a browser; empty allows any.</summary>
    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>Messages a connection may have waiting to be sent; a subscriber beyond it gets SLOW_CONSUMER.</summary>
    [Range(1, 1_000_000)]
    public int SendQueueCapacity { get; set; } = 1000;

    /// <summary>Change events a cohort may have waiting for execution before it catches up from the feed instead.</summary>
    [Range(16, 1_000_000)]
    public int CohortQueueCapacity { get; set; } = 10_000;
}
