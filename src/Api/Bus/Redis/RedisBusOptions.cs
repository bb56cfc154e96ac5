namespace CollectionStore.Api.Bus.Redis;

/// <summary>
/// How this node talks to the other nodes through Redis. The connection string is <c>ConnectionStrings:Redis</c>
/// (empty: one node, in-memory bus); the rest is the <c>Bus</c> section. Channel names come from here only, never
/// from client input.
/// </summary>
public sealed class RedisBusOptions
{
    /// <summary>The configuration section of the bus settings.</summary>
    public const string SectionName = "Bus";

    /// <summary>The Redis connection string (<c>ConnectionStrings:Redis</c>), e.g. <c>localhost:6379</c>.</summary>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>Prefix of every channel and key, so several deployments can share one Redis.</summary>
    public string ChannelPrefix { get; set; } = "collectionstore";

    /// <summary>This node's name on the bus; a random one per process when empty.</summary>
    public string NodeId { get; set; } = string.Empty;

    /// <summary>How long a node may hear nothing before it asks the store for the latest sequence.</summary>
    public TimeSpan IdlePollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Whether the Redis bus is configured at all.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(ConnectionString);
}
