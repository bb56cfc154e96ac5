using CollectionStore.Authorization.Rules;
using CollectionStore.Domain.Documents;
using static CollectionStore.Authorization.Tests.Rules.DefaultModel;

namespace CollectionStore.Authorization.Tests.Rules;

/// <summary>
/// The shipped rules, action by action. Alice owns P1; carol owns P2 and bob is a member of P2.
/// T1 is in P1, T2 in P2; alice wrote C1 on T1, bob wrote C2 on T2.
/// </summary>
public sealed class DefaultModelRuleTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly Subject Alice = User("alice", "member");
    private static readonly Subject Bob = User("bob", "member");
    private static readonly Subject Carol = User("carol");

    private static readonly Document P1 = Doc("Project", "P1", """{"name":"one","ownerId":"alice","memberIds":[],"archived":false}""");
    private static readonly Document P2 = Doc("Project", "P2", """{"name":"two","ownerId":"carol","memberIds":["bob"],"archived":false}""");
    private static readonly Document T1 = Doc("Task", "T1", """{"projectId":"P1","title":"a","estimate":3}""");
    private static readonly Document T2 = Doc("Task", "T2", """{"projectId":"P2","title":"b","estimate":5}""");
    private static readonly Document C1 = Doc("Comment", "C1", """{"taskId":"T1","authorId":"alice","body":"x"}""");
    private static readonly Document C2 = Doc("Comment", "C2", """{"taskId":"T2","authorId":"bob","body":"y"}""");

    public static TheoryData<string, string, AccessAction, bool> Cases => new()
    {
        { "alice", "P1", AccessAction.Read, true },
        { "alice", "P2", AccessAction.Read, false },
        { "bob", "P1", AccessAction.Read, false },
        { "bob", "P2", AccessAction.Read, true },
        { "carol", "P2", AccessAction.Read, true },
        { "bob", "P2", AccessAction.Update, false },
        { "carol", "P2", AccessAction.Update, true },
        { "bob", "P2", AccessAction.Delete, false },
        { "carol", "P2", AccessAction.Delete, true },
        { "alice", "T1", AccessAction.Read, true },
        { "alice", "T2", AccessAction.Read, false },
        { "bob", "T2", AccessAction.Read, true },
        { "bob", "T2", AccessAction.Update, true },
        { "bob", "T1", AccessAction.Update, false },
        { "bob", "T2", AccessAction.Create, true },
        { "alice", "T2", AccessAction.Create, false },
        { "bob", "T2", AccessAction.Delete, false },
        { "carol", "T2", AccessAction.Delete, true },
        { "alice", "T1", AccessAction.Delete, true },
        { "alice", "C1", AccessAction.Read, true },
        { "alice", "C2", AccessAction.Read, false },
        { "bob", "C2", AccessAction.Read, true },
        { "carol", "C2", AccessAction.Read, true },
        { "bob", "C2", AccessAction.Update, true },
        { "carol", "C2", AccessAction.Update, false },
        { "bob", "C2", AccessAction.Delete, true },
        { "carol", "C2", AccessAction.Delete, false },
        { "bob", "C2", AccessAction.Create, true },
        { "alice", "C1", AccessAction.Create, true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decide_DefaultModel_FollowsTheShippedRules(string user, string documentId, AccessAction action, bool allowed)
    {
        var subject = user switch { "alice" => Alice, "bob" => Bob, _ => Carol };
        var document = All.Single(d => d.Id == documentId);

        var decision = Compiled.Decide(subject, document.Collection, action, document, Lookup, Now);

        Assert.Equal(allowed, decision.Allowed);
        Assert.Equal(allowed, decision.Matched is not null);
    }

    [Fact]
    public void Decide_ProjectCreateWithoutMemberRole_ExplainsTheMissingRole()
    {
        var created = Doc("Project", "P3", """{"name":"three","ownerId":"carol","memberIds":[],"archived":false}""");

        var decision = Compiled.Decide(Carol, "Project", AccessAction.Create, created, Lookup, Now);

        Assert.False(decision.Allowed);
        Assert.Equal(["action not covered", "subject lacks role member", "action not covered"], decision.Grants.Select(g => g.Reason));
        Assert.StartsWith("@allow(to: [CREATE], roles: [\"member\"], where: {\"ownerId\":{\"eq\":\"$subject.id\"}}) at schema.graphql(17,", decision.Grants[1].Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_ProjectCreateForSomeoneElse_IsDeniedByWhere()
    {
        var created = Doc("Project", "P3", """{"name":"three","ownerId":"bob","memberIds":[],"archived":false}""");

        var decision = Compiled.Decide(Alice, "Project", AccessAction.Create, created, Lookup, Now);

        Assert.False(decision.Allowed);
        Assert.Equal("document does not satisfy where", decision.Grants[1].Reason);
        Assert.True(Compiled.Decide(Alice, "Project", AccessAction.Create, created with { Data = P1.Data }, Lookup, Now).Allowed);
    }

    [Fact]
    public void Decide_CommentCreateOnATaskTheAuthorCannotRead_IsDenied()
    {
        var onT1 = Doc("Comment", "C3", """{"taskId":"T1","authorId":"bob","body":"z"}""");
        var asAlice = Doc("Comment", "C4", """{"taskId":"T2","authorId":"alice","body":"z"}""");

        Assert.False(Compiled.Decide(Bob, "Comment", AccessAction.Create, onT1, Lookup, Now).Allowed);
        Assert.False(Compiled.Decide(Bob, "Comment", AccessAction.Create, asAlice, Lookup, Now).Allowed);
    }

    [Fact]
    public void Fields_TaskEstimate_OnlyForTheProjectOwner()
    {
        var bobReads = Compiled.ReadableFields(Bob, "Task", T2, Lookup, Now);
        var bobUpdates = Compiled.UpdatableFields(Bob, "Task", T2, Lookup, Now);

        Assert.NotNull(bobReads);
        Assert.DoesNotContain("estimate", bobReads);
        Assert.Contains("title", bobReads);
        Assert.Contains("project", bobReads);
        Assert.Contains("createdAt", bobReads);
        Assert.NotNull(bobUpdates);
        Assert.DoesNotContain("estimate", bobUpdates);
        Assert.Contains("title", bobUpdates);
        Assert.Null(Compiled.ReadableFields(Carol, "Task", T2, Lookup, Now));
        Assert.Null(Compiled.UpdatableFields(Carol, "Task", T2, Lookup, Now));
        Assert.Empty(Compiled.ReadableFields(Alice, "Task", T2, Lookup, Now)!);
    }

    [Fact]
    public void Anonymous_DefaultModel_IsDeniedEverything()
    {
        foreach (var document in All)
        {
            foreach (var action in Enum.GetValues<AccessAction>())
            {
                Assert.False(Compiled.Decide(Subject.Anonymous, document.Collection, action, document, Lookup, Now).Allowed);
            }
        }

        Assert.False(Compiled.HasAnyGrant(Subject.Anonymous, "Task", AccessAction.Read));
        Assert.True(Compiled.HasAnyGrant(Carol, "Task", AccessAction.Read));
        Assert.False(Compiled.HasAnyGrant(Carol, "Project", AccessAction.Create));
    }

    [Fact]
    public void Admin_DefaultModel_MayDoEverything()
    {
        var admin = User("root", "admin");
        foreach (var document in All)
        {
            foreach (var action in Enum.GetValues<AccessAction>())
            {
                var decision = Compiled.Decide(admin, document.Collection, action, document, Lookup, Now);
                Assert.True(decision.Allowed);
                Assert.Equal(-1, decision.Matched!.Index);
            }

            Assert.Null(Compiled.ReadFilter(admin, document.Collection, Now));
            Assert.Null(Compiled.ReadableFields(admin, document.Collection, document, Lookup, Now));
        }
    }

    [Fact]
    public async Task ReadFilter_DefaultModelInSqlite_SelectsWhatEachUserMayRead()
    {
        await using var store = await RuleTestStore.OpenAsync(Model);
        foreach (var document in All)
        {
            await store.CreateAsync(document.Collection, document.Id, document.Data);
        }

        Assert.Equal(["C1"], await store.QueryIdsAsync("Comment", Compiled.ReadFilter(Alice, "Comment", Now)));
        Assert.Equal(["C2"], await store.QueryIdsAsync("Comment", Compiled.ReadFilter(Bob, "Comment", Now)));
        Assert.Equal(["T2"], await store.QueryIdsAsync("Task", Compiled.ReadFilter(Carol, "Task", Now)));
        Assert.Equal(["P1"], await store.QueryIdsAsync("Project", Compiled.ReadFilter(Alice, "Project", Now)));
        Assert.Empty(await store.QueryIdsAsync("Project", Compiled.ReadFilter(Subject.Anonymous, "Project", Now)));
        Assert.Equal(["P1", "P2"], await store.QueryIdsAsync("Project", Compiled.ReadFilter(User("root", "admin"), "Project", Now)));
    }

    private static IEnumerable<Document> All => [P1, P2, T1, T2, C1, C2];

    private static Document? Lookup(string collection, string id) =>
        All.FirstOrDefault(d => d.Collection == collection && d.Id == id);
}
