using System.Text.Json.Nodes;

namespace CollectionStore.Authorization.Rules;

/// <summary>
/// The subject as the rules see it now: its id (null when signed out), its roles and attributes as currently
/// stored (not as a token once said), and the version that changes whenever roles or attributes change.
/// </summary>
public sealed record Subject(string? Id, IReadOnlyList<string> Roles, JsonObject Attributes, long Version)
{
    /// <summary>The signed-out caller: no id, no roles, no attributes.</summary>
    public static Subject Anonymous { get; } = new(null, [], [], 0);

    /// <summary>True for a signed-in subject.</summary>
    public bool IsAuthenticated => Id is not null;
}
