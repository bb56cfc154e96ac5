using CollectionStore.Authorization.Rules;
using static CollectionStore.Authorization.Tests.Rules.RuleAssert;

namespace CollectionStore.Authorization.Tests.Rules;

/// <summary>Roles inherit transitively; grants for an inherited role match the heir.</summary>
public sealed class RoleHierarchyTests
{
    private const string Schema = "extend schema @role(name: \"viewer\") @role(name: \"member\", inherits: [\"viewer\"]) "
        + "@role(name: \"lead\", inherits: [\"member\"]) @role(name: \"ops\", inherits: [\"admin\"])";

    [Fact]
    public void Expand_InheritedRoles_AreTransitiveDistinctAndSorted()
    {
        var roles = Compiles(Model("@allow(to: [READ])", Schema)).Roles;

        Assert.Equal(["lead", "member", "viewer"], roles.Expand(["lead"]));
        Assert.Equal(["member", "stale", "viewer"], roles.Expand(["stale", "member", "viewer"]));
        Assert.Equal(["admin", "ops"], roles.Expand(["ops"]));
        Assert.Equal(["lead", "member", "ops", "viewer"], roles.Declared);
        Assert.True(roles.IsKnown("anonymous"));
        Assert.True(roles.IsKnown("admin"));
        Assert.False(roles.IsKnown("stale"));
    }

    [Fact]
    public void HasAnyGrant_GrantForAnInheritedRole_MatchesTheHeir()
    {
        var rules = Compiles(Model("@allow(to: [READ], roles: [\"viewer\"]) @allow(to: [UPDATE], roles: [\"lead\"])", Schema));
        var lead = new Subject("u1", ["lead"], [], 1);
        var member = new Subject("u2", ["member"], [], 1);

        Assert.True(rules.HasAnyGrant(lead, "Task", AccessAction.Read));
        Assert.True(rules.HasAnyGrant(lead, "Task", AccessAction.Update));
        Assert.True(rules.HasAnyGrant(member, "Task", AccessAction.Read));
        Assert.False(rules.HasAnyGrant(member, "Task", AccessAction.Update));
        Assert.False(rules.HasAnyGrant(member, "Task", AccessAction.Delete));
        Assert.True(rules.HasAnyGrant(new Subject("u3", ["ops"], [], 1), "Task", AccessAction.Delete));
    }

    [Fact]
    public void SubjectRoles_BindToTheExpandedList()
    {
        var rules = Compiles(Model("@allow(to: [READ], where: { tags: { some: { in: \"$subject.roles\" } } })", Schema));
        var task = DefaultModel.Doc("Task", "t", """{"tags":["viewer"]}""");

        Assert.True(rules.Decide(new Subject("u1", ["lead"], [], 1), "Task", AccessAction.Read, task, (_, _) => null, DateTimeOffset.UnixEpoch).Allowed);
        Assert.False(rules.Decide(new Subject("u1", ["other"], [], 1), "Task", AccessAction.Read, task, (_, _) => null, DateTimeOffset.UnixEpoch).Allowed);
    }
}
