using System.Text.Json.Nodes;

namespace CollectionStore.Authorization.Identity;

/// <summary>Input of <c>createUser</c>.</summary>
public sealed record NewUser(string Username, string Password, IReadOnlyList<string>? Roles, JsonObject? Attributes);
