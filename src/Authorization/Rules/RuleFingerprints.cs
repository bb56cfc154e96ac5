using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using CollectionStore.Authorization.Roles;

namespace CollectionStore.Authorization.Rules;

/// <summary>Stable strings that identify a rule set and what the rules read about a subject.</summary>
internal static class RuleFingerprints
{
    public static string Rules(RoleHierarchy roles, IEnumerable<CollectionRules> collections)
    {
        var text = new StringBuilder();
        foreach (var role in roles.Declared)
        {
            text.Append("role ").Append(role).Append(" > ").AppendJoin(',', roles.Expand([role])).Append('\n');
        }

        foreach (var rules in collections.OrderBy(c => c.Collection.Name, StringComparer.Ordinal))
        {
            foreach (var grant in rules.Grants)
            {
                text.Append(rules.Collection.Name).Append(' ').Append(grant.Description).Append('\n');
            }

            foreach (var (field, grants) in rules.FieldGrants.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                foreach (var grant in grants)
                {
                    text.Append(rules.Collection.Name).Append('.').Append(field).Append(' ').Append(grant.Description).Append('\n');
                }
            }
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())).AsSpan(0, 16));
    }

    public static string Subject(BoundSubject subject, RuleUsage usage, IReadOnlySet<string> grantRoles)
    {
        var key = new JsonObject { ["signedIn"] = subject.Subject.IsAuthenticated };
        if (usage.SubjectId)
        {
            key["id"] = subject.Subject.Id;
        }

        var roles = usage.SubjectRoles ? subject.Roles : subject.Roles.Where(grantRoles.Contains);
        key["roles"] = new JsonArray([.. roles.Select(r => (JsonNode?)JsonValue.Create(r))]);
        if (usage.Attributes.Count > 0)
        {
            var attributes = new JsonObject();
            foreach (var name in usage.Attributes)
            {
                attributes[name] = subject.Subject.Attributes.TryGetPropertyValue(name, out var value) ? value?.DeepClone() : null;
            }

            key["attributes"] = attributes;
        }

        return key.ToJsonString();
    }
}
