using System.Text.Json.Nodes;

namespace CollectionStore.Authorization.Identity;

/// <summary>Input of <c>updateUser</c>: a null member is left as it is.</summary>
public sealed record UserChanges(IReadOnlyList<string>? Roles, JsonObject? Attributes, bool? Disabled, string? Password);
