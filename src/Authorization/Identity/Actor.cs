namespace CollectionStore.Authorization.Identity;

/// <summary>The verified caller of an identity operation (from a validated access token, never from client input).</summary>
public sealed record Actor(string UserId, string? SessionId, IReadOnlyList<string> Roles)
{
    public const string AdminRole = "admin";

    public bool IsAdmin => Roles.Contains(AdminRole, StringComparer.Ordinal);
}
