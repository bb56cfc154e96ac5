namespace CollectionStore.Api.Transport.Sse.Cluster;

/// <summary>One claim of the caller's verified principal, as it travels between nodes.</summary>
internal sealed record SseForwardedClaim(string Type, string Value);
