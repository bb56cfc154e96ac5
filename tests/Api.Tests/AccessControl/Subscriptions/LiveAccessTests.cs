using System.Text.Json.Nodes;
using CollectionStore.Api.Tests.Infrastructure;
using CollectionStore.Authorization.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace CollectionStore.Api.Tests.AccessControl.Subscriptions;

/// <summary>
/// Subscriptions follow the subscriber's CURRENT roles and attributes: refused without any READ grant, ended with
/// FORBIDDEN when the last one goes away, and every event decided with the subject as it is now.
/// </summary>
public sealed class LiveAccessTests
{
    private const string Memos = "subscription { memoChanged { kind sequence memo { id text } } }";
    private const string Bulletins = "subscription { bulletinChanged { kind sequence bulletin { id text } } }";
    private const string Tasks = "subscription { taskChanged { kind sequence task { id title } } }";

    public static TheoryData<string> Transports() => [.. SubscriberProbe.Transports];

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Subscribe_AnonymousOnTheDefaultModel_RefusedWithForbidden(string transport)
    {
        await using var server = await AccessServer.StartAsync();
        await using var probe = await SubscriberProbe.OpenAsync(server.Server, transport, accessToken: null, Tasks);

        Assert.Equal("FORBIDDEN", await probe.EndingCodeAsync());
        Assert.Empty(probe.Results);
        Assert.Equal(0, server.Metrics.Active);
    }

    [Fact]
    public async Task Subscribe_SignedInWithoutAnyReadGrant_RefusedWithForbidden()
    {
        await using var server = await AccessServer.StartAsync();
        await server.UserAsync("nobody", roles: []);
        await using var probe = await SubscriberProbe.OpenAsync(server.Server, "graphql-ws", server.Token("nobody"), Memos);

        Assert.Equal("FORBIDDEN", await probe.EndingCodeAsync());
        Assert.Empty(probe.Results);
        var audit = server.Server.Services.GetRequiredService<IAuditLog>();
        await audit.FlushAsync(CancellationToken.None);
        var denied = (await audit.ListAsync(new AuditQuery(First: 50, Kind: AuditKinds.AccessDenied), CancellationToken.None)).Entries.Select(e => e.Item);
        Assert.Contains(denied, e => e.Detail!.Contains("SUBSCRIBE", StringComparison.Ordinal) && e.Detail.Contains("Memo", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task RoleChange_LastReadGrantRemoved_EndsWithForbiddenWithoutAnotherEvent(string transport)
    {
        await using var server = await AccessServer.StartAsync();
        await server.UserAsync("dave", roles: ["member"]);
        await using var probe = await SubscriberProbe.OpenAsync(server.Server, transport, server.Token("dave"), Memos);
        await server.ActiveAsync(1);
        await server.CreateAsync("admin", "Memo", new JsonObject { ["text"] = "before" });
        await probe.WaitForResultsAsync(1);

        await server.ChangeUserAsync("dave", roles: []);

        Assert.Equal("FORBIDDEN", await probe.EndingCodeAsync());
        Assert.Single(probe.Results);
        await Eventually.HoldsAsync(() => server.Metrics.Active == 0 && server.Metrics.Cohorts == 0, "the subscription is gone");
    }

    [Fact]
    public async Task RoleChange_ReviewerGainsMember_StartsSeeingEveryMemoFromTheNextEvent()
    {
        await using var server = await AccessServer.StartAsync();
        await server.UserAsync("erin", roles: ["reviewer"]);
        await using var probe = await SubscriberProbe.OpenAsync(server.Server, "graphql-ws", server.Token("erin"), Memos);
        await server.ActiveAsync(1);
        await server.CreateAsync("admin", "Memo", new JsonObject { ["text"] = "private-1" });
        await server.CreateAsync("admin", "Memo", new JsonObject { ["text"] = "shared-1", ["shared"] = true });
        await probe.WaitForResultsAsync(1);

        await server.ChangeUserAsync("erin", roles: ["reviewer", "member"]);
        await server.CreateAsync("admin", "Memo", new JsonObject { ["text"] = "private-2" });
        await probe.WaitForResultsAsync(2);

        Assert.Equal(["shared-1", "private-2"], Texts(probe, "memoChanged", "memo"));
        Assert.False(probe.Ending.IsCompleted);
    }

    [Fact]
    public async Task RoleChange_MemberDemotedToReviewer_SeesOnlySharedMemosFromTheNextEvent()
    {
        await using var server = await AccessServer.StartAsync();
        await server.UserAsync("dave", roles: ["member"]);
        await using var probe = await SubscriberProbe.OpenAsync(server.Server, "sse distinct", server.Token("dave"), Memos);
        await server.ActiveAsync(1);
        await server.CreateAsync("admin", "Memo", new JsonObject { ["text"] = "private-1" });
        await probe.WaitForResultsAsync(1);

        await server.ChangeUserAsync("dave", roles: ["reviewer"]);
        await server.CreateAsync("admin", "Memo", new JsonObject { ["text"] = "private-2" });
        await server.CreateAsync("admin", "Memo", new JsonObject { ["text"] = "shared-2", ["shared"] = true });
        await probe.WaitForResultsAsync(2);

        Assert.Equal(["private-1", "shared-2"], Texts(probe, "memoChanged", "memo"));
        Assert.False(probe.Ending.IsCompleted);
    }

    [Fact]
    public async Task AttributeChange_TeamChanged_NextEventsFollowTheNewTeam()
    {
        await using var server = await AccessServer.StartAsync();
        await server.UserAsync("frank", roles: [], attributes: new JsonObject { ["team"] = "red" });
        await using var probe = await SubscriberProbe.OpenAsync(server.Server, "multipart", server.Token("frank"), Bulletins);
        await server.ActiveAsync(1);
        await server.CreateAsync("admin", "Bulletin", new JsonObject { ["team"] = "blue", ["text"] = "blue-1" });
        await server.CreateAsync("admin", "Bulletin", new JsonObject { ["team"] = "red", ["text"] = "red-1" });
        await probe.WaitForResultsAsync(1);

        await server.ChangeUserAsync("frank", attributes: new JsonObject { ["team"] = "blue" });
        await server.CreateAsync("admin", "Bulletin", new JsonObject { ["team"] = "red", ["text"] = "red-2" });
        await server.CreateAsync("admin", "Bulletin", new JsonObject { ["team"] = "blue", ["text"] = "blue-2" });
        await probe.WaitForResultsAsync(2);

        Assert.Equal(["red-1", "blue-2"], Texts(probe, "bulletinChanged", "bulletin"));
    }

    [Fact]
    public async Task AttributeChange_UpdatedDocumentOutOfTheNewTeam_ArrivesAsRemovedWithTheLastVisibleState()
    {
        await using var server = await AccessServer.StartAsync();
        await server.UserAsync("frank", roles: [], attributes: new JsonObject { ["team"] = "red" });
        await using var probe = await SubscriberProbe.OpenAsync(server.Server, "legacy ws", server.Token("frank"), Bulletins);
        await server.ActiveAsync(1);
        var bulletin = await server.CreateAsync("admin", "Bulletin", new JsonObject { ["team"] = "red", ["text"] = "red-1" });
        await probe.WaitForResultsAsync(1);

        await server.UpdateAsync("admin", "Bulletin", bulletin.Document.Id, new JsonObject { ["team"] = "blue", ["text"] = "blue-secret" });
        await probe.WaitForResultsAsync(2);

        var removed = probe.Results[1]["data"]!["bulletinChanged"]!;
        Assert.Equal("REMOVED", (string?)removed["kind"]);
        Assert.Equal("red-1", (string?)removed["bulletin"]!["text"]);
        Assert.DoesNotContain("blue-secret", probe.Results[1].ToJsonString(), StringComparison.Ordinal);
    }

    private static List<string> Texts(SubscriberProbe probe, string field, string document) =>
        [.. probe.Results.Select(r => (string)r["data"]![field]![document]!["text"]!)];
}
