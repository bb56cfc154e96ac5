using System.Text.Json.Nodes;
using CollectionStore.Api.Tests.Infrastructure;

namespace CollectionStore.Api.Tests.AccessControl.Subscriptions;

/// <summary>
/// Task events on the default model's rules: a task moved between projects, fields masked per subscriber, and
/// cohorts that never mix two users' views.
/// </summary>
public sealed class ProjectAccessTests
{
    private const string Tasks = "subscription { taskChanged { kind sequence task { id title } previous { title } } }";

    [Fact]
    public async Task Move_TaskToAnotherOwnersProject_LoserGetsRemovedWithOldStateOnlyGainerGetsAdded()
    {
        await using var server = await AccessServer.StartAsync();
        await server.UserAsync("alice");
        await server.UserAsync("bob");
        var aliceProject = await server.CreateProjectAsync("alice", "p-alice");
        var bobProject = await server.CreateProjectAsync("bob", "p-bob");
        var task = await server.CreateAsync("alice", "Task", new JsonObject { ["projectId"] = aliceProject, ["title"] = "old title" });
        await using var alice = await SubscriberProbe.OpenAsync(server.Server, "graphql-ws", server.Token("alice"), Tasks);
        await using var bob = await SubscriberProbe.OpenAsync(server.Server, "graphql-ws", server.Token("bob"), Tasks);
        await server.ActiveAsync(2);

        var moved = await server.UpdateAsync("alice", "Task", task.Document.Id, new JsonObject { ["projectId"] = bobProject, ["title"] = "new title" });
        await alice.WaitForResultsAsync(1);
        await bob.WaitForResultsAsync(1);

        var lost = alice.Results.Single()["data"]!["taskChanged"]!;
        Assert.Equal("REMOVED", (string?)lost["kind"]);
        Assert.Equal(moved.Change.Sequence, (long)lost["sequence"]!);
        Assert.Equal("old title", (string?)lost["task"]!["title"]);
        Assert.Null(lost["previous"]);
        Assert.DoesNotContain("new title", alice.Results.Single().ToJsonString(), StringComparison.Ordinal);

        var gained = bob.Results.Single()["data"]!["taskChanged"]!;
        Assert.Equal("ADDED", (string?)gained["kind"]);
        Assert.Equal("new title", (string?)gained["task"]!["title"]);
        Assert.Null(gained["previous"]);
    }

    [Fact]
    public async Task FieldMasking_EstimateOnEvents_NullWithForbiddenForAMemberValueForTheOwner()
    {
        const string document = "subscription { taskChanged { kind task { title estimate } } }";
        await using var server = await AccessServer.StartAsync();
        await server.UserAsync("carol");
        await server.UserAsync("bob");
        var project = await server.CreateProjectAsync("carol", "p-carol", "bob");
        await using var owner = await SubscriberProbe.OpenAsync(server.Server, "graphql-ws", server.Token("carol"), document);
        await using var member = await SubscriberProbe.OpenAsync(server.Server, "sse distinct", server.Token("bob"), document);
        await server.ActiveAsync(2);

        await server.CreateAsync("carol", "Task", new JsonObject { ["projectId"] = project, ["title"] = "estimated", ["estimate"] = 5.5 });
        await owner.WaitForResultsAsync(1);
        await member.WaitForResultsAsync(1);

        var seenByOwner = owner.Results.Single();
        Assert.Equal(5.5, (double)seenByOwner["data"]!["taskChanged"]!["task"]!["estimate"]!);
        Assert.Null(seenByOwner["errors"]);

        var seenByMember = member.Results.Single();
        Assert.Equal("estimated", (string?)seenByMember["data"]!["taskChanged"]!["task"]!["title"]);
        Assert.Null(seenByMember["data"]!["taskChanged"]!["task"]!["estimate"]);
        var error = Assert.Single(seenByMember["errors"]!.AsArray())!;
        Assert.Equal("FORBIDDEN", (string?)error["extensions"]!["code"]);
        Assert.Equal("""["taskChanged","task","estimate"]""", error["path"]!.ToJsonString());
        Assert.DoesNotContain("5.5", seenByMember.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangedFields_FieldTheMemberMayNotRead_NamedOnlyToTheOwner()
    {
        const string document = "subscription { taskChanged { kind changedFields } }";
        await using var server = await AccessServer.StartAsync();
        await server.UserAsync("carol");
        await server.UserAsync("bob");
        var project = await server.CreateProjectAsync("carol", "p-carol", "bob");
        var task = await server.CreateAsync("carol", "Task", new JsonObject { ["projectId"] = project, ["title"] = "t", ["estimate"] = 1.0 });
        await using var owner = await SubscriberProbe.OpenAsync(server.Server, "graphql-ws", server.Token("carol"), document);
        await using var member = await SubscriberProbe.OpenAsync(server.Server, "graphql-ws", server.Token("bob"), document);
        await server.ActiveAsync(2);

        await server.UpdateAsync("carol", "Task", task.Document.Id, new JsonObject { ["title"] = "t2", ["estimate"] = 2.0 });
        await owner.WaitForResultsAsync(1);
        await member.WaitForResultsAsync(1);

        Assert.Equal("""["title","estimate"]""", owner.Results.Single()["data"]!["taskChanged"]!["changedFields"]!.ToJsonString());
        Assert.Equal("""["title"]""", member.Results.Single()["data"]!["taskChanged"]!["changedFields"]!.ToJsonString());
    }

    [Fact]
    public async Task Cohorts_IdenticalDocumentsFromTwoUsers_NeverShared()
    {
        await using var server = await AccessServer.StartAsync();
        await server.UserAsync("alice");
        await server.UserAsync("bob");
        var aliceProject = await server.CreateProjectAsync("alice", "p-alice");
        await using var alice1 = await SubscriberProbe.OpenAsync(server.Server, "graphql-ws", server.Token("alice"), Tasks);
        await using var alice2 = await SubscriberProbe.OpenAsync(server.Server, "sse distinct", server.Token("alice"), Tasks);
        await using var bob = await SubscriberProbe.OpenAsync(server.Server, "graphql-ws", server.Token("bob"), Tasks);
        await server.ActiveAsync(3);

        // The same user's identical subscriptions share one cohort; two users never do.
        Assert.Equal(2, server.Metrics.Cohorts);

        var executions = server.Metrics.Executions;
        await server.CreateAsync("alice", "Task", new JsonObject { ["projectId"] = aliceProject, ["title"] = "alice only" });
        var sentinelProject = await server.CreateProjectAsync("bob", "p-bob");
        await server.CreateAsync("bob", "Task", new JsonObject { ["projectId"] = sentinelProject, ["title"] = "bob only" });
        await alice1.WaitForResultsAsync(1);
        await alice2.WaitForResultsAsync(1);
        await bob.WaitForResultsAsync(1);

        Assert.Equal("alice only", (string?)alice1.Results.Single()["data"]!["taskChanged"]!["task"]!["title"]);
        Assert.Equal("alice only", (string?)alice2.Results.Single()["data"]!["taskChanged"]!["task"]!["title"]);
        Assert.Equal("bob only", (string?)bob.Results.Single()["data"]!["taskChanged"]!["task"]!["title"]);
        await Eventually.HoldsAsync(() => server.Metrics.Executions - executions == 2, "one execution per cohort and event it sees");
    }
}
