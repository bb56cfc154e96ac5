namespace CollectionStore.Api.Transport.Sse.Cluster;

/// <summary>Where a shared reservation stands, as one atomic step on its Redis hash found it.</summary>
internal enum SseClusterState
{
    /// <summary>No such reservation, or another subject's (reported alike).</summary>
    Missing,

    /// <summary>Reserved, no stream yet.</summary>
    Pending,

    /// <summary>A stream on <see cref="SseClusterAnswer.Node"/> holds it.</summary>
    Streaming,

    /// <summary>The operation id is already queued.</summary>
    Duplicate,

    /// <summary>The reservation already has its maximum number of operations queued.</summary>
    Full,

    /// <summary>The operation was queued for the stream.</summary>
    Queued,
}
