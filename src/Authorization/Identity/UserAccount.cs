using System.Text.Json.Nodes;

namespace CollectionStore.Authorization.Identity;

/// <summary>
/// A built-in user as the server stores it, without its password hash. <see cref="Version"/> grows with every
/// change, so anything derived from the user (decisions, cohorts) can tell a stale copy from the current one.
/// </summary>
public sealed record UserAccount(
    string Id,
    string Username,
    IReadOnlyList<string> Roles,
    JsonObject Attributes,
    bool Disabled,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    long Version);
