using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using CollectionStore.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace CollectionStore.Api.Tests.Transport.Sse;

public sealed class SseDistinctModeTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Subscription_OverPost_StreamsHeadersAndChangeEventsWithIds()
    {
        await using var server = await SseServer.StartAsync();
        await using var stream = await SseStream.OpenAsync(server.Client, SseStream.Post(SseServer.Body(SseServer.TaskSubscription)));
        await SseServer.WaitForActiveAsync(server, 1);

        var id = await SseServer.CreateTaskAsync(server, "first");
        await SseServer.MutateAsync(server, $$"""mutation { updateTask(id: "{{id}}", input: { title: "second" }) { id } }""");
        await SseServer.MutateAsync(server, $$"""mutation { deleteTask(id: "{{id}}") { id } }""");

        Assert.Equal(HttpStatusCode.OK, stream.Response.StatusCode);
        Assert.Equal("text/event-stream; charset=utf-8", stream.ContentType!.ToString());
        Assert.Equal("no-cache", SseStream.Header(stream.Response, "Cache-Control"));
        Assert.Equal("no", SseStream.Header(stream.Response, "X-Accel-Buffering"));
        Assert.Equal("keep-alive", SseStream.Header(stream.Response, "Connection"));
        var kinds = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var next = await stream.ExpectEventAsync("next");
            var change = JsonNode.Parse(next.Data)!["data"]!["taskChanged"]!;
            Assert.Equal(((long)change["sequence"]!).ToString(System.Globalization.CultureInfo.InvariantCulture), next.Id);
            Assert.StartsWith("event: next\nid: ", next.Raw, StringComparison.Ordinal);
            kinds.Add((string)change["kind"]!);
        }

        Assert.Equal(["ADDED", "UPDATED", "REMOVED"], kinds);
    }

    [Fact]
    public async Task Subscription_OverGet_Streams()
    {
        await using var server = await SseServer.StartAsync();
        await using var stream = await SseStream.OpenAsync(server.Client, SseStream.Get(GraphQLHttp.Query(SseServer.TaskSubscription)));
        await SseServer.WaitForActiveAsync(server, 1);

        await SseServer.CreateTaskAsync(server, "via get");

        Assert.Equal("via get", (string)(await stream.ExpectNextAsync())["data"]!["taskChanged"]!["task"]!["title"]!);
    }

    [Fact]
    public async Task Query_OverSse_SendsOneNextThenCompleteWithAnEmptyDataLine()
    {
        await using var server = await SseServer.StartAsync();
        await using var stream = await SseStream.OpenAsync(server.Client, SseStream.Get(GraphQLHttp.Query("{ projects { totalCount } }")));

        var next = await stream.ExpectEventAsync("next");
        var complete = await stream.ExpectEventAsync("complete");

        Assert.Null(next.Id);
        Assert.Equal("""{"data":{"projects":{"totalCount":0}}}""", next.Data);
        Assert.Equal("event: complete\ndata:\n\n", complete.Raw);
        Assert.Null(await stream.ReadEventAsync());
        Assert.EndsWith("event: complete\ndata:\n\n", stream.Raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mutation_OverSsePost_SendsTheResultThenComplete()
    {
        await using var server = await SseServer.StartAsync();
        await using var stream = await SseStream.OpenAsync(server.Client, SseStream.Post(SseServer.Body("""mutation { createProject(input: { name: "sse", ownerId: "o" }) { name } }""")));

        Assert.Equal("sse", (string)(await stream.ExpectNextAsync())["data"]!["createProject"]!["name"]!);
        await stream.ExpectEventAsync("complete");
    }

    [Fact]
    public async Task Mutation_OverSseGet_Returns405WithAllowPost()
    {
        await using var server = await SseServer.StartAsync();
        var mutation = GraphQLHttp.Query("""mutation { createProject(input: { name: "no", ownerId: "o" }) { name } }""");

        var response = await GraphQLHttp.GetAsync(server.Client, mutation, "text/event-stream");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.Status);
        Assert.Equal(["POST"], response.ContentHeaders.Allow);
        Assert.Equal("OPERATION_NOT_ALLOWED", response.FirstErrorCode);
    }

    [Theory]
    [InlineData("subscription { taskChanged { nope } }")]
    [InlineData("{ nope }")]
    [InlineData("subscription {")]
    public async Task RequestError_IsANextWithErrorsThenComplete_InA200Stream(string query)
    {
        await using var server = await SseServer.StartAsync();
        await using var stream = await SseStream.OpenAsync(server.Client, SseStream.Post(SseServer.Body(query)));

        var next = await stream.ExpectNextAsync();
        await stream.ExpectEventAsync("complete");

        Assert.Equal(HttpStatusCode.OK, stream.Response.StatusCode);
        Assert.Null(next["data"]);
        Assert.NotEmpty(next["errors"]!.AsArray());
        Assert.Equal(0, SseServer.Metrics(server).Active);
    }

    [Fact]
    public async Task KeepAlive_SendsACommentEveryInterval()
    {
        await using var server = await SseServer.StartAsync(new Dictionary<string, string?> { ["Subscriptions:KeepAliveInterval"] = "00:00:00.100" });
        await using var stream = await SseStream.OpenAsync(server.Client, SseStream.Post(SseServer.Body(SseServer.TaskSubscription)));

        // One comment flushes the headers at once; the others are keep-alives.
        await stream.WaitForCommentsAsync(4);

        Assert.StartsWith(":\n:\n", stream.Raw.Replace("\n\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LastEventId_ResumesWithExactlyTheChangesAfterIt()
    {
        await using var server = await SseServer.StartAsync();
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await SseServer.CreateTaskAsync(server, $"task {i}"));
        }

        long firstSequence;
        await using (var first = await SseStream.OpenAsync(server.Client, SseStream.Post(SseServer.Body("subscription { taskChanged(since: 0) { sequence task { title } } }"))))
        {
            firstSequence = long.Parse((await first.ExpectEventAsync("next")).Id!, System.Globalization.CultureInfo.InvariantCulture);
        }

        using var request = SseStream.Post(SseServer.Body("subscription { taskChanged(since: 0) { sequence task { title } } }"));
        request.Headers.Add("Last-Event-ID", firstSequence.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await using var resumed = await SseStream.OpenAsync(server.Client, request);
        var titles = new List<string>
        {
            (string)(await resumed.ExpectNextAsync())["data"]!["taskChanged"]!["task"]!["title"]!,
            (string)(await resumed.ExpectNextAsync())["data"]!["taskChanged"]!["task"]!["title"]!,
        };
        await SseServer.CreateTaskAsync(server, "live");
        titles.Add((string)(await resumed.ExpectNextAsync())["data"]!["taskChanged"]!["task"]!["title"]!);

        Assert.Equal(["task 1", "task 2", "live"], titles);
    }

    [Fact]
    public async Task ClientDisconnect_ReleasesTheEngineSubscription()
    {
        await using var server = await SseServer.StartAsync();
        using var client = SseStream.AbortingClient(server.BaseAddress);
        var stream = await SseStream.OpenAsync(client, SseStream.Post(SseServer.Body(SseServer.TaskSubscription)));
        await SseServer.WaitForActiveAsync(server, 1);
        await Eventually.HoldsAsync(() => SseServer.Metrics(server).Connections == 1, "the stream to count as a connection");

        var watch = Stopwatch.StartNew();
        await stream.DisposeAsync();
        await SseServer.WaitForActiveAsync(server, 0);
        var released = watch.Elapsed;
        await Eventually.HoldsAsync(() => SseServer.Metrics(server).Connections == 0, "the connection to close");

        output.WriteLine($"distinct mode: client abort -> active subscriptions 0 in {released.TotalMilliseconds:F1} ms");
        Assert.Equal(0, SseServer.Metrics(server).Cohorts);
    }

    [Fact]
    public async Task StreamsOverTheClientCap_Get429WithAGraphQLError()
    {
        await using var server = await SseServer.StartAsync(new Dictionary<string, string?> { ["Subscriptions:MaxStreamsPerClient"] = "2" });
        await using var first = await SseStream.OpenAsync(server.Client, SseStream.Post(SseServer.Body(SseServer.TaskSubscription)));
        await using var second = await SseStream.OpenAsync(server.Client, SseStream.Post(SseServer.Body(SseServer.TaskSubscription)));

        var third = await GraphQLHttp.PostJsonAsync(server.Client, new { query = SseServer.TaskSubscription }, "text/event-stream");

        Assert.Equal(HttpStatusCode.TooManyRequests, third.Status);
        Assert.Equal("application/json; charset=utf-8", third.ContentType);
        Assert.Equal("TOO_MANY_STREAMS", third.FirstErrorCode);
    }

    [Theory]
    [InlineData("application/json;q=0.5, text/event-stream", true)]
    [InlineData("text/event-stream;charset=utf-8", true)]
    [InlineData("TEXT/EVENT-STREAM", true)]
    [InlineData("text/event-stream;q=0.2, application/json", false)]
    [InlineData("*/*", false)]
    [InlineData("text/*", false)]
    public async Task AcceptHeader_IsParsedTolerantly(string accept, bool streams)
    {
        await using var server = await SseServer.StartAsync();

        var response = await GraphQLHttp.GetAsync(server.Client, GraphQLHttp.Query("{ projects { totalCount } }"), accept);

        Assert.Equal(streams, response.ContentType?.StartsWith("text/event-stream", StringComparison.Ordinal) == true);
    }
}
