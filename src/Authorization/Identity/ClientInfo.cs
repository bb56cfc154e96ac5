namespace CollectionStore.Authorization.Identity;

/// <summary>Where a request came from, for rate limits and audit entries. Never holds credentials.</summary>
public sealed record ClientInfo(string? Address, string? Protocol = null, string? Origin = null)
{
    public static readonly ClientInfo Unknown = new(Address: null);
}
