using System.Text.Json.Nodes;
using CollectionStore.Authorization.Roles;
using CollectionStore.Domain.Documents;

namespace CollectionStore.Authorization.Rules;

/// <summary>The values the rule variables take for one subject at one instant.</summary>
internal sealed class BoundSubject
{
    public BoundSubject(Subject subject, RoleHierarchy roles, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(subject);
        Subject = subject;
        Roles = roles.Expand(subject.Roles);
        RoleSet = new HashSet<string>(Roles, StringComparer.Ordinal);
        Now = DateTimeFormat.Format(now);
    }

    public Subject Subject { get; }

    /// <summary>The subject's roles with everything they inherit.</summary>
    public IReadOnlyList<string> Roles { get; }

    public IReadOnlySet<string> RoleSet { get; }

    public string Now { get; }

    public bool IsAdmin => RoleSet.Contains(RoleHierarchy.Admin);

    /// <summary>The variable's value, or null when it has none (signed out, attribute missing or null).</summary>
    public JsonNode? Resolve(RuleVariable variable) => variable.Kind switch
    {
        RuleVariableKind.SubjectId => Subject.Id is null ? null : JsonValue.Create(Subject.Id),
        RuleVariableKind.SubjectRoles => new JsonArray([.. Roles.Select(r => (JsonNode?)JsonValue.Create(r))]),
        RuleVariableKind.Now => JsonValue.Create(Now),
        _ => Subject.Attributes.TryGetPropertyValue(variable.Attribute!, out var value) ? value?.DeepClone() : null,
    };
}
