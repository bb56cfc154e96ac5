using System.Text.Json.Nodes;
using CollectionStore.Authorization.Identity.Store;

namespace CollectionStore.Authorization.Identity;

/// <summary>
/// The effect of an <c>updateUser</c> on a stored user: the fields that really changed, the new row (its version one
/// higher when anything changed), and whether the user's sessions must end (disabled, or a new password).
/// </summary>
internal sealed record UserChange(StoredUser Updated, IReadOnlyList<string> Fields, string? RevokeReason, IReadOnlyList<string> RevokedSessions)
{
    public static UserChange Between(
        StoredUser current,
        IReadOnlyList<string>? roles,
        JsonObject? attributes,
        bool? disabled,
        string? passwordHash,
        DateTimeOffset now)
    {
        var account = current.Account;
        var fields = new List<string>();
        if (roles is not null && !roles.SequenceEqual(account.Roles, StringComparer.Ordinal))
        {
            fields.Add("roles");
            account = account with { Roles = roles };
        }

        if (attributes is not null && !JsonNode.DeepEquals(attributes, account.Attributes))
        {
            fields.Add("attributes");
            account = account with { Attributes = UserRules.CopyAttributes(attributes) };
        }

        if (disabled is { } flag && flag != account.Disabled)
        {
            fields.Add("disabled");
            account = account with { Disabled = flag };
        }

        if (passwordHash is not null)
        {
            fields.Add("password");
        }

        var revokeReason = account.Disabled && !current.Account.Disabled ? "user_disabled" : passwordHash is not null ? "password_changed" : null;
        if (fields.Count > 0)
        {
            account = account with { UpdatedAt = now, Version = account.Version + 1 };
        }

        return new UserChange(new StoredUser(account, passwordHash ?? current.PasswordHash), fields, revokeReason, []);
    }

    /// <summary>The audit detail: which fields changed and the new roles, never the password or its hash.</summary>
    public JsonObject Detail()
    {
        var detail = new JsonObject
        {
            ["userId"] = Updated.Account.Id,
            ["changed"] = new JsonArray([.. Fields.Select(f => (JsonNode?)f)]),
            ["revokedSessions"] = RevokedSessions.Count,
        };
        if (Fields.Contains("roles"))
        {
            detail["roles"] = new JsonArray([.. Updated.Account.Roles.Select(r => (JsonNode?)r)]);
        }

        if (Fields.Contains("disabled"))
        {
            detail["disabled"] = Updated.Account.Disabled;
        }

        return detail;
    }
}
