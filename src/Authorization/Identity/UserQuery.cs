namespace CollectionStore.Authorization.Identity;

/// <summary>
/// One page of <c>users</c>, ordered by username. <see cref="After"/> is the opaque cursor of the last user of
/// the previous page. The filters are optional and ANDed.
/// </summary>
public sealed record UserQuery(int First, string? After = null, string? UsernameContains = null, string? Role = null, bool? Disabled = null);
