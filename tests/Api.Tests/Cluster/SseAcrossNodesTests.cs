using System.Net;
using CollectionStore.Api.Tests.Transport.Sse;
using static CollectionStore.Api.Tests.Cluster.SseClusterRequests;

namespace CollectionStore.Api.Tests.Cluster;

/// <summary>
/// GraphQL over SSE single connection mode with the reservation, the stream and the operations on different nodes
/// (A reserves, B streams, C and A take operations): the answers and the events are those of one node.
/// </summary>
[Collection(SseAcrossNodesGroup.Name)]
public sealed class SseAcrossNodesTests(SseClusterFixture cluster)
{
    [Fact]
    public async Task Subscription_ReservedOnAStreamedOnBPostedThroughC_DeliversChangesCommittedThroughEveryNode()
    {
        var token = await ReserveAsync(cluster.A);
        await using var stream = await OpenStreamAsync(cluster.B, token);
        Assert.Equal(HttpStatusCode.OK, stream.Response.StatusCode);

        Assert.Equal(HttpStatusCode.Accepted, (await PostOperationAsync(cluster.C, token, ProjectSubscription, "s")).Status);
        await CreateProjectAsync(cluster.A, "through-a-" + token);
        await CreateProjectAsync(cluster.B, "through-b-" + token);
        var mutation = await PostOperationAsync(cluster.C, token, $$"""mutation { createProject(input: { name: "through-c-{{token}}", ownerId: "o" }) { name } }""", "m");

        Assert.Equal(HttpStatusCode.Accepted, mutation.Status);
        var names = new List<string>();
        var mutationResult = false;
        while (names.Count < 3 || !mutationResult)
        {
            var next = await OwnNextAsync(stream, token);
            if ((string)next["id"]! == "m")
            {
                Assert.Equal("through-c-" + token, (string)next["payload"]!["data"]!["createProject"]!["name"]!);
                Assert.Equal("""{"id":"m"}""", (await CompleteAsync(stream, token)).Data);
                mutationResult = true;
                continue;
            }

            names.Add(ChangedProject(next, "s"));
        }

        Assert.Equal(["through-a-" + token, "through-b-" + token, "through-c-" + token], names);
    }

    [Fact]
    public async Task Delete_ThroughCOrA_StopsTheOperationRunningOnB()
    {
        var token = await ReserveAsync(cluster.A);
        await using var stream = await OpenStreamAsync(cluster.B, token);
        Assert.Equal(HttpStatusCode.Accepted, (await PostOperationAsync(cluster.C, token, ProjectSubscription, "one")).Status);
        Assert.Equal(HttpStatusCode.Accepted, (await PostOperationAsync(cluster.A, token, ProjectSubscription, "two")).Status);
        await CreateProjectAsync(cluster.B, "both-" + token);
        var both = new[] { await OwnNextAsync(stream, token), await OwnNextAsync(stream, token) };
        Assert.Equal(["one", "two"], both.Select(next => (string)next["id"]!).Order(StringComparer.Ordinal));

        Assert.Equal(HttpStatusCode.OK, (await DeleteAsync(cluster.C, token, "one")).Status);
        Assert.Equal(HttpStatusCode.OK, (await DeleteAsync(cluster.A, token, "two")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await DeleteAsync(cluster.C, token, operationId: null)).Status);
        Assert.Equal(HttpStatusCode.Accepted, (await PostOperationAsync(cluster.C, token, ProjectSubscription, "three")).Status);
        await CreateProjectAsync(cluster.B, "after-" + token);

        // A stopped operation still running would put its own event for this change ahead of the query's result.
        var after = await OwnNextAsync(stream, token);
        Assert.Equal("after-" + token, ChangedProject(after, "three"));
        Assert.Equal(HttpStatusCode.Accepted, (await PostOperationAsync(cluster.C, token, "{ projects(where: { name: { eq: \"none\" } }) { totalCount } }", "q")).Status);
        Assert.Equal("""{"id":"q","payload":{"data":{"projects":{"totalCount":0}}}}""", (await NextEventAsync(stream, token)).Data);
    }

    [Fact]
    public async Task Operations_PostedThroughCBeforeTheStreamOpensOnB_AreDeliveredOnceItDoes()
    {
        var token = await ReserveAsync(cluster.A);
        Assert.Equal(HttpStatusCode.Accepted, (await PostOperationAsync(cluster.C, token, "{ projects(where: { name: { eq: \"none\" } }) { totalCount } }", "q")).Status);
        var invalid = await PostOperationAsync(cluster.C, token, "{ nope }", "bad");
        Assert.Equal(HttpStatusCode.Accepted, (await PostOperationAsync(cluster.A, token, "{ projects { totalCount } }", "dropped")).Status);
        Assert.Equal(HttpStatusCode.Accepted, (await PostOperationAsync(cluster.C, token, ProjectSubscription, "s")).Status);
        var duplicate = await PostOperationAsync(cluster.A, token, ProjectSubscription, "s");
        Assert.Equal(HttpStatusCode.OK, (await DeleteAsync(cluster.C, token, "dropped")).Status);
        await CreateProjectAsync(cluster.A, "early-" + token);

        await using var stream = await OpenStreamAsync(cluster.B, token);
        Assert.Equal(HttpStatusCode.Conflict, duplicate.Status);
        Assert.Equal(HttpStatusCode.Accepted, invalid.Status);
        Assert.Equal("""{"id":"q","payload":{"data":{"projects":{"totalCount":0}}}}""", (await NextEventAsync(stream, token)).Data);
        Assert.Equal("""{"id":"q"}""", (await CompleteAsync(stream, token)).Data);

        // A request error of a queued operation cannot be its POST's status any more; it is the operation's result.
        var error = await OwnNextAsync(stream, token);
        Assert.Equal("bad", (string)error["id"]!);
        Assert.NotNull(error["payload"]!["errors"]);
        Assert.Equal("""{"id":"bad"}""", (await CompleteAsync(stream, token)).Data);

        // The change committed after the subscription was POSTed, before the stream connected, is not lost.
        Assert.Equal("early-" + token, ChangedProject(await OwnNextAsync(stream, token), "s"));
        await CreateProjectAsync(cluster.B, "queued-" + token);
        Assert.Equal("queued-" + token, ChangedProject(await OwnNextAsync(stream, token), "s"));
    }

    [Fact]
    public async Task Operations_QueuedBeyondTheLimitBeforeTheStream_Return429()
    {
        var token = await ReserveAsync(cluster.A);
        for (var i = 0; i < SseClusterFixture.MaxOperations; i++)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await PostOperationAsync(i % 2 == 0 ? cluster.C : cluster.A, token, "{ projects(where: { name: { eq: \"none\" } }) { totalCount } }", $"q{i}")).Status);
        }

        var overLimit = await PostOperationAsync(cluster.C, token, "{ projects { totalCount } }", "over");
        await using var stream = await OpenStreamAsync(cluster.B, token);

        Assert.Equal(HttpStatusCode.TooManyRequests, overLimit.Status);
        Assert.Equal("TOO_MANY_OPERATIONS", overLimit.FirstErrorCode);
        for (var i = 0; i < SseClusterFixture.MaxOperations; i++)
        {
            Assert.Equal("{\"id\":\"q" + i + "\",\"payload\":{\"data\":{\"projects\":{\"totalCount\":0}}}}", (await NextEventAsync(stream, token)).Data);
            Assert.Equal($$"""{"id":"q{{i}}"}""", (await CompleteAsync(stream, token)).Data);
        }
    }

    [Fact]
    public async Task UnknownOrMalformedToken_ThroughAnyNode_Returns404Or400()
    {
        var unknown = new string('A', 43);

        var post = await PostOperationAsync(cluster.C, unknown, "{ projects { totalCount } }", "x");
        var delete = await DeleteAsync(cluster.C, unknown, "x");
        await using var stream = await OpenStreamAsync(cluster.B, unknown);
        var malformed = await PostOperationAsync(cluster.C, "short", "{ projects { totalCount } }", "x");
        await using var malformedStream = await OpenStreamAsync(cluster.B, "not a token");

        Assert.Equal(HttpStatusCode.NotFound, post.Status);
        Assert.Equal("STREAM_NOT_FOUND", post.FirstErrorCode);
        Assert.Equal(HttpStatusCode.NotFound, delete.Status);
        Assert.Equal(HttpStatusCode.NotFound, stream.Response.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.Status);
        Assert.Equal(HttpStatusCode.BadRequest, malformedStream.Response.StatusCode);
    }

    [Fact]
    public async Task SecondStream_ThroughAnyNode_Returns409()
    {
        var token = await ReserveAsync(cluster.A);
        await using var first = await OpenStreamAsync(cluster.B, token);

        await using var viaA = await OpenStreamAsync(cluster.A, token);
        await using var viaB = await OpenStreamAsync(cluster.B, token);
        await using var viaC = await OpenStreamAsync(cluster.C, token);

        Assert.Equal(HttpStatusCode.OK, first.Response.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, viaA.Response.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, viaB.Response.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, viaC.Response.StatusCode);
    }

    [Fact]
    public async Task RequestErrors_ThroughC_AreTheStreamNodesAnswers()
    {
        var token = await ReserveAsync(cluster.A);
        await using var stream = await OpenStreamAsync(cluster.B, token);
        Assert.Equal(HttpStatusCode.Accepted, (await PostOperationAsync(cluster.C, token, ProjectSubscription, "dup")).Status);

        var duplicate = await PostOperationAsync(cluster.C, token, ProjectSubscription, "dup");
        var missingId = await PostOperationAsync(cluster.C, token, "{ projects { totalCount } }", operationId: null);
        var notJson = await PostRawAsync(cluster.C, token, "{ not json");
        var mutationOverGet = await GetOperationAsync(cluster.C, token, """mutation { createProject(input: { name: "g", ownerId: "o" }) { name } }""", "g");
        var invalid = await PostOperationAsync(cluster.C, token, "{ nope }", "v");

        Assert.Equal(HttpStatusCode.Conflict, duplicate.Status);
        Assert.Equal("OPERATION_ID_IN_USE", duplicate.FirstErrorCode);
        Assert.Equal(HttpStatusCode.BadRequest, missingId.Status);
        Assert.Equal(HttpStatusCode.BadRequest, notJson.Status);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, mutationOverGet.Status);
        Assert.Equal(["POST"], mutationOverGet.ContentHeaders.Allow);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.Status);
        Assert.True(invalid.Json.TryGetProperty("errors", out _), invalid.Text);
    }

    [Fact]
    public async Task AnotherUsersToken_ThroughOtherNodes_Returns404_AndTheOwnerIsServed()
    {
        var admin = await LoginAsync(cluster.A, SseClusterFixture.AdminPassword);
        var token = await ReserveAsync(cluster.A, admin);

        await using var strangerStream = await OpenStreamAsync(cluster.B, token);
        Assert.Equal(HttpStatusCode.NotFound, strangerStream.Response.StatusCode);
        await using var stream = await OpenStreamAsync(cluster.B, token, admin);
        Assert.Equal(HttpStatusCode.OK, stream.Response.StatusCode);
        var strangerPost = await PostOperationAsync(cluster.C, token, "{ projects { totalCount } }", "x");
        var strangerDelete = await DeleteAsync(cluster.A, token, "x");
        var ownPost = await PostOperationAsync(cluster.C, token, "{ me { username } }", "me", admin);

        Assert.Equal(HttpStatusCode.NotFound, strangerPost.Status);
        Assert.Equal(HttpStatusCode.NotFound, strangerDelete.Status);
        Assert.Equal(HttpStatusCode.Accepted, ownPost.Status);
        var next = await OwnNextAsync(stream, token);
        Assert.Equal("me", (string)next["id"]!);
        Assert.Equal("admin", (string)next["payload"]!["data"]!["me"]!["username"]!);
    }

    [Fact]
    public async Task StreamClosed_OnB_RemovesTheReservationFromEveryNode()
    {
        var token = await ReserveAsync(cluster.A);
        var stream = await OpenStreamAsync(cluster.B, token);
        Assert.Equal(HttpStatusCode.Accepted, (await PostOperationAsync(cluster.C, token, ProjectSubscription, "s")).Status);

        await stream.DisposeAsync();

        await EventuallyNotFoundAsync(cluster.C, token);
        Assert.Equal(HttpStatusCode.NotFound, (await DeleteAsync(cluster.A, token, "s")).Status);
    }

    [Fact]
    public async Task Reservation_WithoutAStream_ExpiresOnEveryNode()
    {
        var token = await ReserveAsync(cluster.A);
        Assert.Equal(HttpStatusCode.Accepted, (await PostOperationAsync(cluster.C, token, ProjectSubscription, "s")).Status);

        await EventuallyNotFoundAsync(cluster.C, token);
        await using var late = await OpenStreamAsync(cluster.B, token);

        Assert.Equal(HttpStatusCode.NotFound, late.Response.StatusCode);
    }

    [Fact]
    public async Task Subscription_ReservedAndStreamedOnA_TakesOperationsThroughBAndC()
    {
        var token = await ReserveAsync(cluster.A);
        await using var stream = await OpenStreamAsync(cluster.A, token);

        Assert.Equal(HttpStatusCode.Accepted, (await PostOperationAsync(cluster.C, token, ProjectSubscription, "s")).Status);
        Assert.Equal(HttpStatusCode.Accepted, (await PostOperationAsync(cluster.B, token, "{ projects(where: { name: { eq: \"none\" } }) { totalCount } }", "q")).Status);
        Assert.Equal("""{"id":"q","payload":{"data":{"projects":{"totalCount":0}}}}""", (await NextEventAsync(stream, token)).Data);
        Assert.Equal("""{"id":"q"}""", (await CompleteAsync(stream, token)).Data);
        await CreateProjectAsync(cluster.A, "on-a-" + token);

        Assert.Equal("on-a-" + token, ChangedProject(await OwnNextAsync(stream, token), "s"));
        Assert.Equal(HttpStatusCode.OK, (await DeleteAsync(cluster.B, token, "s")).Status);
    }

    [Fact]
    public async Task SingleConnectionMode_WithRedisUnreachable_WorksWithinItsNode_AndOtherTokensAre503()
    {
        await using var node = await cluster.StartLoneNodeAsync($"127.0.0.1:{Infrastructure.FreePort.Next()}");
        var token = await ReserveAsync(node);
        await using var stream = await OpenStreamAsync(node, token);

        Assert.Equal(HttpStatusCode.Accepted, (await PostOperationAsync(node, token, ProjectSubscription, "s")).Status);
        var duplicate = await PostOperationAsync(node, token, ProjectSubscription, "s");
        var unknown = await PostOperationAsync(node, new string('A', 43), ProjectSubscription, "s");
        await CreateProjectAsync(node, "alone-" + token);

        Assert.Equal(HttpStatusCode.OK, stream.Response.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, duplicate.Status);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, unknown.Status);
        Assert.Equal("STREAM_ROUTING_UNAVAILABLE", unknown.FirstErrorCode);
        Assert.Equal("alone-" + token, ChangedProject(await OwnNextAsync(stream, token), "s"));
        Assert.Equal(HttpStatusCode.OK, (await DeleteAsync(node, token, "s")).Status);
    }

    private static async Task<SseEvent> CompleteAsync(SseStream stream, string token)
    {
        var complete = await OwnEventAsync(stream, token);
        Assert.Equal("complete", complete.Event);
        return complete;
    }

    private static async Task<SseEvent> NextEventAsync(SseStream stream, string token)
    {
        var next = await OwnEventAsync(stream, token);
        Assert.Equal("next", next.Event);
        return next;
    }

    private static async Task EventuallyNotFoundAsync(Infrastructure.ClusterNode node, string token)
    {
        var deadline = System.Diagnostics.Stopwatch.StartNew();
        while ((await PostOperationAsync(node, token, "{ projects { totalCount } }", "probe-" + Guid.NewGuid())).Status != HttpStatusCode.NotFound)
        {
            Assert.True(deadline.Elapsed < SseClusterFixture.ReservationTimeout * 3, "The reservation is still there.");
            await Task.Delay(50);
        }
    }
}
