using System.Text.Json.Nodes;
using CollectionStore.Authorization.Rules;
using CollectionStore.Domain.Documents;
using CollectionStore.Domain.Filtering;
using static CollectionStore.Authorization.Tests.Rules.RuleAssert;

namespace CollectionStore.Authorization.Tests.Rules;

/// <summary>The decision paths: roles, anonymous, variables failing closed, $now, field narrowing and fingerprints.</summary>
public sealed class RuleDecisionTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly Subject Ann = new("ann", [], [], 1);

    [Fact]
    public void Decide_AnonymousRole_LetsSignedOutCallersIn_WhileOmittedRolesNeedASignIn()
    {
        var open = Compiles(Model("@allow(to: [READ], roles: [\"anonymous\"])"));
        var signedIn = Compiles(Model("@allow(to: [READ])"));
        var task = Task("""{"title":"a"}""");

        Assert.True(open.Decide(Subject.Anonymous, "Task", AccessAction.Read, task, NoLookup, Now).Allowed);
        Assert.Null(open.ReadFilter(Subject.Anonymous, "Task", Now));
        var denied = signedIn.Decide(Subject.Anonymous, "Task", AccessAction.Read, task, NoLookup, Now);
        Assert.False(denied.Allowed);
        Assert.Equal("subject is not signed in", Assert.Single(denied.Grants).Reason);
        Assert.Equal(new OrFilter([]), signedIn.ReadFilter(Subject.Anonymous, "Task", Now));
        Assert.True(signedIn.Decide(Ann, "Task", AccessAction.Read, task, NoLookup, Now).Allowed);
    }

    [Fact]
    public void Decide_NoGrantForTheAction_IsDeniedByDefault()
    {
        var rules = Compiles(Model("@allow(to: [READ])"));

        var decision = rules.Decide(Ann, "Task", AccessAction.Delete, Task("{}"), NoLookup, Now);

        Assert.False(decision.Allowed);
        Assert.Null(decision.Matched);
        Assert.Equal("action not covered", Assert.Single(decision.Grants).Reason);
        var project = DefaultModel.Doc("Project", "p1", "{}");
        Assert.Empty(rules.ReadableFields(Ann, "Project", project, NoLookup, Now)!);
        Assert.False(rules.HasAnyGrant(Ann, "Project", AccessAction.Read));
    }

    [Fact]
    public void Decide_SignedOutSubjectId_FailsClosedEvenAgainstNull()
    {
        var rules = Compiles(Model("@allow(to: [READ], roles: [\"anonymous\"], where: { or: [{ title: { eq: \"$subject.id\" } }, { title: { neq: \"$subject.id\" } }, { title: { in: [\"x\", \"$subject.id\"] } }] })"));
        var untitled = Task("""{"title":null}""");

        Assert.False(rules.Decide(Subject.Anonymous, "Task", AccessAction.Read, untitled, NoLookup, Now).Allowed);
        Assert.False(rules.Decide(Subject.Anonymous, "Task", AccessAction.Read, Task("""{"title":"x"}"""), NoLookup, Now).Allowed);
        Assert.True(rules.Decide(Ann, "Task", AccessAction.Read, untitled, NoLookup, Now).Allowed);
    }

    [Theory]
    [InlineData("""{}""", false)]
    [InlineData("""{"level":null}""", false)]
    [InlineData("""{"level":[1,2]}""", false)]
    [InlineData("""{"level":1}""", false)]
    [InlineData("""{"level":5}""", true)]
    public void Decide_AttributeComparison_FailsClosedWhenTheAttributeIsMissing(string attributes, bool allowed)
    {
        var rules = Compiles(Model("@allow(to: [READ], where: { priority: { ngt: \"$subject.attributes.level\" } })"));
        var subject = new Subject("ann", [], JsonNode.Parse(attributes)!.AsObject(), 2);

        Assert.Equal(allowed, rules.Decide(subject, "Task", AccessAction.Read, Task("""{"priority":3}"""), NoLookup, Now).Allowed);
    }

    [Fact]
    public void Decide_Now_BindsTheGivenInstant()
    {
        var rules = Compiles(Model("@allow(to: [READ], where: { createdAt: { lt: \"$now\" } })"));
        var task = Task("{}") with { CreatedAt = Now.AddHours(-1) };

        Assert.True(rules.Decide(Ann, "Task", AccessAction.Read, task, NoLookup, Now).Allowed);
        Assert.False(rules.Decide(Ann, "Task", AccessAction.Read, task, NoLookup, Now.AddHours(-2)).Allowed);
        Assert.True(rules.UsesNow);
    }

    [Fact]
    public void ReadableFields_UnionOfMatchingGrants_PlusSystemFields()
    {
        var rules = Compiles(Model(
            "@allow(to: [READ], fields: [\"title\"]) @allow(to: [READ], where: { done: { eq: true } }, fields: [\"done\", \"project\"]) "
            + "@allow(to: [UPDATE], fields: [\"done\"])"));

        var open = rules.ReadableFields(Ann, "Task", Task("""{"done":false}"""), NoLookup, Now);
        var done = rules.ReadableFields(Ann, "Task", Task("""{"done":true}"""), NoLookup, Now);

        Assert.Equal(["createdAt", "createdBy", "id", "title", "updatedAt", "updatedBy", "version"], open!.Order(StringComparer.Ordinal));
        Assert.Equal(["createdAt", "createdBy", "done", "id", "project", "title", "updatedAt", "updatedBy", "version"], done!.Order(StringComparer.Ordinal));
        Assert.Equal(["done"], rules.UpdatableFields(Ann, "Task", Task("{}"), NoLookup, Now)!);
    }

    [Fact]
    public void ReadableFields_FieldLevelRule_RestrictsOnlyWhenItDoesNotMatch()
    {
        var text = Model("@allow(to: [READ, UPDATE])").Replace("priority: Int", "priority: Int @allow(to: [READ], roles: [\"member\"])", StringComparison.Ordinal);
        var rules = Compiles(text);
        var member = new Subject("mo", ["member"], [], 1);
        var task = Task("{}");

        Assert.DoesNotContain("priority", rules.ReadableFields(Ann, "Task", task, NoLookup, Now)!);
        Assert.Null(rules.ReadableFields(member, "Task", task, NoLookup, Now));

        // The field's own grants do not cover UPDATE, so nobody but admin may change it.
        Assert.DoesNotContain("priority", rules.UpdatableFields(member, "Task", task, NoLookup, Now)!);
        Assert.Contains("title", rules.UpdatableFields(member, "Task", task, NoLookup, Now)!);
    }

    [Fact]
    public void SubjectFingerprint_ContainsExactlyWhatTheRulesRead()
    {
        var rules = Compiles(Model("@allow(to: [READ], roles: [\"member\"], where: { title: { eq: \"$subject.attributes.team\" } })"));
        var a = new Subject("a", ["member", "x"], new JsonObject { ["team"] = "red", ["age"] = 3 }, 1);
        var b = new Subject("b", ["member"], new JsonObject { ["team"] = "red" }, 7);
        var c = b with { Attributes = new JsonObject { ["team"] = "blue" } };

        Assert.Equal(rules.SubjectFingerprint(a), rules.SubjectFingerprint(b));
        Assert.NotEqual(rules.SubjectFingerprint(b), rules.SubjectFingerprint(c));
        Assert.NotEqual(rules.SubjectFingerprint(b), rules.SubjectFingerprint(b with { Roles = [] }));
        Assert.NotEqual(rules.SubjectFingerprint(b), rules.SubjectFingerprint(Subject.Anonymous));
        var byId = Compiles(Model("@allow(to: [READ], where: { title: { eq: \"$subject.id\" } })"));
        Assert.NotEqual(byId.SubjectFingerprint(a), byId.SubjectFingerprint(b));
    }

    [Fact]
    public void Fingerprint_ChangesWithAnyRule()
    {
        var first = Compiles(Model("@allow(to: [READ])")).Fingerprint;

        Assert.Equal(first, Compiles(Model("@allow(to: [READ])")).Fingerprint);
        Assert.NotEqual(first, Compiles(Model("@allow(to: [READ, UPDATE])")).Fingerprint);
        Assert.NotEqual(first, Compiles(Model("@allow(to: [READ])", "extend schema @role(name: \"other\")")).Fingerprint);
        var fieldRule = Model("@allow(to: [READ])").Replace("done: Boolean", "done: Boolean @allow(to: [READ])", StringComparison.Ordinal);
        Assert.NotEqual(first, Compiles(fieldRule).Fingerprint);
    }

    [Fact]
    public void Decide_UnknownCollection_Throws()
    {
        var rules = Compiles(Model("@allow(to: [READ])"));

        Assert.Throws<ArgumentException>(() => rules.ReadFilter(Ann, "Nope", Now));
    }

    private static Document Task(string json) => DefaultModel.Doc("Task", "t1", json);

    private static Document? NoLookup(string collection, string id) => null;
}
