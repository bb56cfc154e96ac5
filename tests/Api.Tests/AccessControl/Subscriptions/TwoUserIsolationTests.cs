using System.Text.Json.Nodes;
using CollectionStore.Api.Tests.Infrastructure;
using CollectionStore.Domain.ChangeFeed;
using CollectionStore.Domain.Documents;

namespace CollectionStore.Api.Tests.AccessControl.Subscriptions;

/// <summary>
/// Alice and Bob own different projects; a script of mixed writes (creates, updates, moves between their projects,
/// deletes of tasks and comments) runs while both watch tasks and comments on every transport, live and replayed
/// from <c>since</c>: each receives exactly the events it may see, and nothing of the other's.
/// </summary>
public sealed class TwoUserIsolationTests
{
    private const string TaskDocument = "subscription($since: Long) { taskChanged(since: $since) { kind sequence task { id title } previous { title } } }";
    private const string CommentDocument = "subscription($since: Long) { commentChanged(since: $since) { kind sequence comment { id body } previous { body } } }";
    private static readonly string[] Users = ["alice", "bob"];

    [Fact]
    public async Task Events_TwoUsersMixedWritesEveryTransportLiveAndReplayed_EachReceivesExactlyTheEventsItMaySee()
    {
        await using var server = await AccessServer.StartAsync();
        await server.UserAsync("alice");
        await server.UserAsync("bob");
        var script = new WriteScript(server, await server.CreateProjectAsync("alice", "alice-p1"), await server.CreateProjectAsync("bob", "bob-p2"));
        var start = await server.Store.GetLatestSequenceAsync(CancellationToken.None);

        var live = await OpenAllAsync(server, since: null);
        await server.ActiveAsync(live.Count);
        await script.RunAsync();
        Assert.True(script.Changes.Count >= 20, "the script makes at least 20 writes");
        var replayed = await OpenAllAsync(server, since: start);
        try
        {
            foreach (var (user, collection, probe) in live.Concat(replayed))
            {
                await AssertReceivesExactlyAsync(script, user, collection, probe);
            }
        }
        finally
        {
            foreach (var (_, _, probe) in live.Concat(replayed))
            {
                await probe.DisposeAsync();
            }
        }
    }

    private static async Task<List<(string User, string Collection, SubscriberProbe Probe)>> OpenAllAsync(AccessServer server, long? since)
    {
        var probes = new List<(string, string, SubscriberProbe)>();
        foreach (var transport in SubscriberProbe.Transports)
        {
            foreach (var user in Users)
            {
                probes.Add((user, "Task", await SubscriberProbe.OpenAsync(server.Server, transport, server.Token(user), TaskDocument, new { since })));
                probes.Add((user, "Comment", await SubscriberProbe.OpenAsync(server.Server, transport, server.Token(user), CommentDocument, new { since })));
            }
        }

        return probes;
    }

    private static async Task AssertReceivesExactlyAsync(WriteScript script, string user, string collection, SubscriberProbe probe)
    {
        var expected = script.Expected(user, collection);
        var last = expected.Max(e => e.Sequence);
        var field = collection == "Task" ? "taskChanged" : "commentChanged";
        var document = collection == "Task" ? "task" : "comment";
        var what = $"{user} on {probe.Transport} ({collection}{(probe.Results.Count > 0 ? string.Empty : ", nothing yet")})";
        await Eventually.HoldsAsync(
            () => probe.Ending.IsCompleted || probe.Results.Any(r => (long?)r["data"]?[field]?["sequence"] == last),
            $"{what}: the event at sequence {last}");
        if (probe.Ending.IsCompleted)
        {
            Assert.Fail($"{what} ended: {(await probe.Ending)?.ToJsonString()}");
        }

        var received = probe.Results
            .Select(r => r["data"]![field]!)
            .Select(e => ((long)e["sequence"]!, (string)e["kind"]!, (string)e[document]!["id"]!))
            .ToList();
        Assert.Equal(received.Count, received.Distinct().Count());
        Assert.Equal(expected.OrderBy(e => e.Sequence).ToList(), received.OrderBy(e => e.Item1).ToList());

        var other = Users.Single(u => u != user);
        foreach (var result in probe.Results)
        {
            Assert.Null(result["errors"]);
            Assert.DoesNotContain(other + "-", result.ToJsonString(), StringComparison.Ordinal);
        }
    }

    /// <summary>The writes, and which of them each user may see (a task is its project owner's; a comment its task's).</summary>
    private sealed class WriteScript(AccessServer server, string aliceProject, string bobProject)
    {
        private readonly Dictionary<string, string> _taskProjects = new(StringComparer.Ordinal);

        public List<ChangeRecord> Changes { get; } = [];

        public async Task RunAsync()
        {
            var t1 = await TaskAsync("alice", aliceProject, "alice-t1");
            var t2 = await TaskAsync("bob", bobProject, "bob-t2");
            var t3 = await TaskAsync("alice", aliceProject, "alice-t3");
            var t4 = await TaskAsync("bob", bobProject, "bob-t4");
            await UpdateAsync("alice", "Task", t1, new JsonObject { ["title"] = "alice-t1b" });
            await UpdateAsync("bob", "Task", t2, new JsonObject { ["done"] = true });
            var c1 = await CommentAsync("alice", t1, "alice-c1");
            await CommentAsync("bob", t2, "bob-c2");
            await UpdateAsync("alice", "Comment", c1, new JsonObject { ["body"] = "alice-c1b" });

            // Moved out of Alice's reach into Bob's: Alice must only ever see the state she could read.
            await UpdateAsync("alice", "Task", t3, new JsonObject { ["projectId"] = bobProject, ["title"] = "bob-t3" });
            await UpdateAsync("bob", "Task", t3, new JsonObject { ["priority"] = 3 });
            await DeleteAsync("bob", "Task", t4);
            var t6 = await TaskAsync("bob", bobProject, "bob-t6");
            await UpdateAsync("bob", "Task", t6, new JsonObject { ["projectId"] = aliceProject, ["title"] = "alice-t6" });
            await DeleteAsync("alice", "Comment", c1);
            await UpdateAsync("alice", "Task", t6, new JsonObject { ["done"] = true });
            var c3 = await CommentAsync("bob", t2, "bob-c3");
            await DeleteAsync("bob", "Comment", c3);

            // The last event of every (user, collection): once it arrived, everything before it has too.
            await CommentAsync("alice", t1, "alice-c4");
            await CommentAsync("bob", t2, "bob-c5");
            await TaskAsync("alice", aliceProject, "alice-t7");
            await TaskAsync("bob", bobProject, "bob-t8");
        }

        public List<(long Sequence, string Kind, string Id)> Expected(string user, string collection)
        {
            var expected = new List<(long, string, string)>();
            foreach (var change in Changes.Where(c => c.Collection == collection))
            {
                var wasIn = change.Before is { } before && Owner(before) == user;
                var isIn = change.After is { } after && Owner(after) == user;
                var kind = (wasIn, isIn) switch
                {
                    (false, true) => "ADDED",
                    (true, true) => "UPDATED",
                    (true, false) => "REMOVED",
                    _ => null,
                };
                if (kind is not null)
                {
                    expected.Add((change.Sequence, kind, change.DocumentId));
                }
            }

            return expected;
        }

        private string Owner(Document document)
        {
            var project = document.Collection == "Task"
                ? (string)document.Data["projectId"]!
                : _taskProjects[(string)document.Data["taskId"]!];
            return project == aliceProject ? "alice" : "bob";
        }

        private async Task<string> TaskAsync(string actor, string project, string title)
        {
            var id = Record(await server.CreateAsync(actor, "Task", new JsonObject { ["projectId"] = project, ["title"] = title }));
            _taskProjects[id] = project;
            return id;
        }

        private async Task<string> CommentAsync(string actor, string task, string body) =>
            Record(await server.CreateAsync(actor, "Comment", new JsonObject { ["taskId"] = task, ["authorId"] = server.Id(actor), ["body"] = body }));

        private async Task UpdateAsync(string actor, string collection, string id, JsonObject patch)
        {
            Record(await server.UpdateAsync(actor, collection, id, patch));
            if (patch["projectId"] is { } project)
            {
                // Tasks with comments never move, so a comment's owner is fixed for the whole script.
                _taskProjects[id] = (string)project!;
            }
        }

        private async Task DeleteAsync(string actor, string collection, string id) =>
            Record(await server.DeleteAsync(actor, collection, id));

        private string Record(Domain.Store.WriteResult result)
        {
            Changes.Add(result.Change);
            return result.Document.Id;
        }
    }
}
