namespace CollectionStore.Api.Bus.Redis;

/// <summary>Where this node's Redis bus stands, as reported by <c>/health</c>.</summary>
internal enum RedisBusState
{
    /// <summary>Started; the first connection attempt has not finished.</summary>
    Connecting,

    /// <summary>Subscribed: notices flow between nodes.</summary>
    Connected,

    /// <summary>Redis is unreachable: this node delivers its own changes and polls the store for the others'.</summary>
    Disconnected,
}
