namespace CollectionStore.Api.Tests.Cluster.Infrastructure;

/// <summary>How the node answered one write.</summary>
public enum WriteOutcome
{
    /// <summary>200 with the created note.</summary>
    Created,

    /// <summary>503 with <c>Retry-After</c>, no data and <c>extensions.code = STORE_UNAVAILABLE</c>.</summary>
    Refused,

    /// <summary>Anything else: another status or code, or no answer at all (status 0).</summary>
    Other,
}
