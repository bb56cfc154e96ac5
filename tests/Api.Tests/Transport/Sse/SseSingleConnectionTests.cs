using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using CollectionStore.Api.Tests.Infrastructure;
using CollectionStore.Api.Transport.Sse;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CollectionStore.Api.Tests.Transport.Sse;

public sealed class SseSingleConnectionTests(ITestOutputHelper output)
{
    private const string TokenHeader = "X-GraphQL-Event-Stream-Token";

    [Fact]
    public async Task Put_Returns201WithATextPlainToken()
    {
        await using var server = await SseServer.StartAsync();

        using var response = await server.Client.SendAsync(new HttpRequestMessage(HttpMethod.Put, "/graphql"));
        var token = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("text/plain; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Matches("^[A-Za-z0-9_-]{43}$", token);
        Assert.NotEqual(token, await ReserveAsync(server));
    }

    [Fact]
    public async Task Put_AcceptingOnlyJson_Returns406()
    {
        await using var server = await SseServer.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Put, "/graphql");
        request.Headers.Add("Accept", "application/json");

        using var response = await server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
    }

    [Fact]
    public async Task Subscription_StreamsIdPayloadEvents_AndDeleteStopsIt()
    {
        await using var server = await SseServer.StartAsync();
        var token = await ReserveAsync(server);
        await using var stream = await OpenStreamAsync(server, token);

        Assert.Equal(HttpStatusCode.Accepted, (await PostOperationAsync(server, token, SseServer.TaskSubscription, "op1")).Status);
        await SseServer.WaitForActiveAsync(server, 1);
        var id = await SseServer.CreateTaskAsync(server, "one");
        await SseServer.MutateAsync(server, $$"""mutation { updateTask(id: "{{id}}", input: { title: "two" }) { id } }""");
        await SseServer.MutateAsync(server, $$"""mutation { deleteTask(id: "{{id}}") { id } }""");

        var kinds = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var next = await stream.ExpectEventAsync("next");
            var data = JsonNode.Parse(next.Data)!;
            Assert.Null(next.Id);
            Assert.Equal("op1", (string)data["id"]!);
            kinds.Add((string)data["payload"]!["data"]!["taskChanged"]!["kind"]!);
        }

        Assert.Equal(["ADDED", "UPDATED", "REMOVED"], kinds);
        Assert.Equal(HttpStatusCode.OK, (await DeleteAsync(server, token, "op1")).Status);
        await SseServer.WaitForActiveAsync(server, 0);
    }

    [Fact]
    public async Task QueryAndMutation_Return202_AndStreamNextThenCompleteWithTheirIds()
    {
        await using var server = await SseServer.StartAsync();
        var token = await ReserveAsync(server);
        await using var stream = await OpenStreamAsync(server, token, viaQuery: true);

        Assert.Equal(HttpStatusCode.Accepted, (await PostOperationAsync(server, token, "{ projects { totalCount } }", "q")).Status);
        var next = await stream.ExpectEventAsync("next");
        var complete = await stream.ExpectEventAsync("complete");
        Assert.Equal(HttpStatusCode.Accepted, (await PostOperationAsync(server, token, """mutation { createProject(input: { name: "s", ownerId: "o" }) { name } }""", "m")).Status);
        var mutation = await stream.ExpectNextAsync();
        var mutationComplete = await stream.ExpectEventAsync("complete");

        Assert.Equal("""{"id":"q","payload":{"data":{"projects":{"totalCount":0}}}}""", next.Data);
        Assert.Equal("event: complete\ndata: {\"id\":\"q\"}\n\n", complete.Raw);
        Assert.Equal("s", (string)mutation["payload"]!["data"]!["createProject"]!["name"]!);
        Assert.Equal("""{"id":"m"}""", mutationComplete.Data);
    }

    [Fact]
    public async Task MutationOverGet_WithToken_Returns405WithAllow()
    {
        await using var server = await SseServer.StartAsync();
        var token = await ReserveAsync(server);
        var path = GraphQLHttp.Query("""mutation { createProject(input: { name: "g", ownerId: "o" }) { name } }""")
            + "&extensions=" + Uri.EscapeDataString("""{"operationId":"g"}""") + "&token=" + token;

        var response = await GraphQLHttp.GetAsync(server.Client, path);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.Status);
        Assert.Equal(["POST"], response.ContentHeaders.Allow);
    }

    [Fact]
    public async Task SecondStream_ForTheSameReservation_Returns409()
    {
        await using var server = await SseServer.StartAsync();
        var token = await ReserveAsync(server);
        await using var first = await OpenStreamAsync(server, token);

        await using var second = await OpenStreamAsync(server, token);

        Assert.Equal(HttpStatusCode.Conflict, second.Response.StatusCode);
    }

    [Fact]
    public async Task UnknownOrMalformedToken_Returns404Or400_OnEveryRequest()
    {
        await using var server = await SseServer.StartAsync();
        var unknown = new string('A', 43);

        await using var stream = await OpenStreamAsync(server, unknown);
        var post = await PostOperationAsync(server, unknown, "{ projects { totalCount } }", "x");
        var delete = await DeleteAsync(server, unknown, "x");
        var deleteWithoutToken = await GraphQLHttp.SendAsync(server.Client, new HttpRequestMessage(HttpMethod.Delete, "/graphql?operationId=x"));
        await using var malformedStream = await OpenStreamAsync(server, "not a token");
        var malformedPost = await PostOperationAsync(server, "short", "{ projects { totalCount } }", "x");

        Assert.Equal(HttpStatusCode.NotFound, stream.Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.Status);
        Assert.Equal(HttpStatusCode.NotFound, delete.Status);
        Assert.Equal(HttpStatusCode.NotFound, deleteWithoutToken.Status);
        Assert.Equal(HttpStatusCode.BadRequest, malformedStream.Response.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformedPost.Status);
    }

    [Fact]
    public async Task MissingOrDuplicateOperationId_Returns400Or409()
    {
        await using var server = await SseServer.StartAsync();
        var token = await ReserveAsync(server);
        await using var stream = await OpenStreamAsync(server, token);

        var missing = await PostOperationAsync(server, token, "{ projects { totalCount } }", operationId: null);
        var missingOnDelete = await GraphQLHttp.SendAsync(server.Client, WithToken(new HttpRequestMessage(HttpMethod.Delete, "/graphql"), token));
        Assert.Equal(HttpStatusCode.Accepted, (await PostOperationAsync(server, token, SseServer.TaskSubscription, "dup")).Status);
        var duplicate = await PostOperationAsync(server, token, SseServer.TaskSubscription, "dup");

        Assert.Equal(HttpStatusCode.BadRequest, missing.Status);
        Assert.Equal(HttpStatusCode.BadRequest, missingOnDelete.Status);
        Assert.Equal(HttpStatusCode.Conflict, duplicate.Status);
    }

    [Fact]
    public async Task OperationRequest_AcceptingNoJson_Returns406()
    {
        await using var server = await SseServer.StartAsync();
        var token = await ReserveAsync(server);

        var response = await PostOperationAsync(server, token, "{ projects { totalCount } }", "x", accept: "text/html");

        Assert.Equal(HttpStatusCode.NotAcceptable, response.Status);
    }

    [Fact]
    public async Task ValidationErrorOfAQuery_Returns400WithTheErrors()
    {
        await using var server = await SseServer.StartAsync();
        var token = await ReserveAsync(server);

        var response = await PostOperationAsync(server, token, "{ nope }", "bad");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.NotEmpty(response.Json.GetProperty("errors").EnumerateArray());
    }

    [Fact]
    public async Task OtherMethod_Returns405WithEveryAllowedMethod()
    {
        await using var server = await SseServer.StartAsync();

        var response = await GraphQLHttp.SendAsync(server.Client, new HttpRequestMessage(HttpMethod.Patch, "/graphql"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.Status);
        Assert.Equal(["GET", "POST", "PUT", "DELETE"], response.ContentHeaders.Allow);
    }

    [Fact]
    public async Task EventsBeforeTheStreamConnects_AreBufferedThenDelivered()
    {
        await using var server = await SseServer.StartAsync();
        var token = await ReserveAsync(server);
        Assert.Equal(HttpStatusCode.Accepted, (await PostOperationAsync(server, token, SseServer.TaskSubscription, "early")).Status);
        Assert.Equal(HttpStatusCode.Accepted, (await PostOperationAsync(server, token, "{ projects { totalCount } }", "q")).Status);
        await SseServer.CreateTaskAsync(server, "buffered");

        await using var stream = await OpenStreamAsync(server, token);

        Assert.Equal("q", (string)(await stream.ExpectNextAsync())["id"]!);
        await stream.ExpectEventAsync("complete");
        var change = await stream.ExpectNextAsync();
        Assert.Equal("early", (string)change["id"]!);
        Assert.Equal("buffered", (string)change["payload"]!["data"]!["taskChanged"]!["task"]!["title"]!);
    }

    [Fact]
    public async Task BufferOverflowBeforeTheStreamConnects_EndsTheOperationWithSlowConsumer()
    {
        await using var server = await SseServer.StartAsync(new Dictionary<string, string?> { ["Subscriptions:SendQueueCapacity"] = "2" });
        var token = await ReserveAsync(server);
        Assert.Equal(HttpStatusCode.Accepted, (await PostOperationAsync(server, token, SseServer.TaskSubscription, "slow")).Status);
        for (var i = 0; i < 4; i++)
        {
            await SseServer.CreateTaskAsync(server, $"t{i}");
        }

        await SseServer.WaitForActiveAsync(server, 0);
        await using var stream = await OpenStreamAsync(server, token);

        Assert.NotNull((await stream.ExpectNextAsync())["payload"]!["data"]);
        Assert.NotNull((await stream.ExpectNextAsync())["payload"]!["data"]);
        var failure = await stream.ExpectNextAsync();
        Assert.Equal("SLOW_CONSUMER", (string)failure["payload"]!["errors"]![0]!["extensions"]!["code"]!);
        Assert.Equal("""{"id":"slow"}""", (await stream.ExpectEventAsync("complete")).Data);
    }

    [Fact]
    public async Task ReservationNobodyConnectsTo_Expires()
    {
        await using var server = await SseServer.StartAsync(new Dictionary<string, string?> { ["Subscriptions:ReservationTimeout"] = "00:00:00.200" });
        var reservations = server.Services.GetRequiredService<SseReservations>();
        var token = await ReserveAsync(server);
        Assert.Equal(HttpStatusCode.Accepted, (await PostOperationAsync(server, token, SseServer.TaskSubscription, "left")).Status);
        Assert.Equal(1, reservations.Count);

        await Eventually.HoldsAsync(() => reservations.Count == 0, "the reservation to expire");

        await SseServer.WaitForActiveAsync(server, 0);
        await using var stream = await OpenStreamAsync(server, token);
        Assert.Equal(HttpStatusCode.NotFound, stream.Response.StatusCode);
    }

    [Fact]
    public async Task StreamClosedByTheClient_ReleasesItsOperationsAndTheReservation()
    {
        await using var server = await SseServer.StartAsync();
        var token = await ReserveAsync(server);
        using var client = SseStream.AbortingClient(server.BaseAddress);
        var stream = await SseStream.OpenAsync(client, WithToken(SseStream.Get("/graphql"), token));
        await PostOperationAsync(server, token, SseServer.TaskSubscription, "a");
        await PostOperationAsync(server, token, "subscription { projectChanged { kind } }", "b");
        await SseServer.WaitForActiveAsync(server, 2);

        var watch = Stopwatch.StartNew();
        await stream.DisposeAsync();
        await SseServer.WaitForActiveAsync(server, 0);
        var released = watch.Elapsed;

        output.WriteLine($"single connection mode: client abort -> active subscriptions 0 in {released.TotalMilliseconds:F1} ms");
        Assert.Equal(HttpStatusCode.NotFound, (await PostOperationAsync(server, token, "{ projects { totalCount } }", "late")).Status);
    }

    [Fact]
    public async Task Reservations_CountAgainstTheStreamCap()
    {
        await using var server = await SseServer.StartAsync(new Dictionary<string, string?> { ["Subscriptions:MaxStreamsPerClient"] = "1" });
        await ReserveAsync(server);

        var response = await GraphQLHttp.SendAsync(server.Client, new HttpRequestMessage(HttpMethod.Put, "/graphql"));

        Assert.Equal(HttpStatusCode.TooManyRequests, response.Status);
        Assert.Equal("TOO_MANY_STREAMS", response.FirstErrorCode);
    }

    private static async Task<string> ReserveAsync(ApiServer server)
    {
        using var response = await server.Client.SendAsync(new HttpRequestMessage(HttpMethod.Put, "/graphql"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static Task<SseStream> OpenStreamAsync(ApiServer server, string token, bool viaQuery = false) =>
        SseStream.OpenAsync(server.Client, viaQuery
            ? SseStream.Get("/graphql?token=" + Uri.EscapeDataString(token))
            : WithToken(SseStream.Get("/graphql"), token));

    private static Task<GraphQLResponse> PostOperationAsync(ApiServer server, string token, string query, string? operationId, string? accept = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(SseServer.Body(query, operationId is null ? null : new { operationId }), System.Text.Encoding.UTF8, "application/json"),
        };
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        return GraphQLHttp.SendAsync(server.Client, WithToken(request, token));
    }

    private static Task<GraphQLResponse> DeleteAsync(ApiServer server, string token, string operationId) =>
        GraphQLHttp.SendAsync(server.Client, WithToken(new HttpRequestMessage(HttpMethod.Delete, "/graphql?operationId=" + operationId), token));

    private static HttpRequestMessage WithToken(HttpRequestMessage request, string token)
    {
        request.Headers.TryAddWithoutValidation(TokenHeader, token);
        return request;
    }
}
