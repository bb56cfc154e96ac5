using System.Net;
using System.Text.RegularExpressions;
using CollectionStore.Api.Tests.Infrastructure;

namespace CollectionStore.Api.Tests.Transport.Multipart;

[Collection(MultipartServerGroup.Name)]
public sealed class MultipartSubscriptionTests(MultipartServerFixture fixture)
{
    public const string TaskChanged = """
        subscription($projectId: ID!) {
          taskChanged(where: { projectId: { eq: $projectId } }) { kind operation task { id title done } }
        }
        """;

    private const string JsonPartHeaders = "Content-Type: application/json; charset=utf-8";

    private HttpClient Client => fixture.Server.Client;

    [Fact]
    public async Task Subscribe_ApolloAccept_StreamsMultipartResponseHeaders()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var projectId = await MultipartServerFixture.CreateProjectAsync(Client);
        await using var stream = await OpenAsync(projectId, timeout.Token);

        Assert.Equal(HttpStatusCode.OK, stream.Response.StatusCode);
        Assert.Equal("multipart/mixed;boundary=\"graphql\";subscriptionSpec=1.0", stream.Response.Content.Headers.NonValidated["Content-Type"].ToString());
        Assert.Equal("no-cache", stream.Response.Headers.CacheControl?.ToString());
        Assert.Null(stream.Response.Content.Headers.ContentLength);
        Assert.Empty(stream.Response.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task Subscribe_CreateUpdateDelete_ReceivesAddedUpdatedRemovedParts()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var projectId = await MultipartServerFixture.CreateProjectAsync(Client);
        await using var stream = await OpenAsync(projectId, timeout.Token);

        var taskId = await MultipartServerFixture.CreateTaskAsync(Client, projectId, "write");
        await MultipartServerFixture.ExecuteAsync(Client, "mutation($id: ID!) { updateTask(id: $id, input: { done: true }) { id } }", new { id = taskId });
        await MultipartServerFixture.ExecuteAsync(Client, "mutation($id: ID!) { deleteTask(id: $id) { id } }", new { id = taskId });

        var kinds = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var part = await stream.ReadEventAsync(timeout.Token);
            Assert.Equal(JsonPartHeaders, part.Headers);
            var payload = Assert.Single(part.Json.EnumerateObject());
            Assert.Equal("payload", payload.Name);
            var change = payload.Value.GetProperty("data").GetProperty("taskChanged");
            Assert.Equal(taskId, change.GetProperty("task").GetProperty("id").GetString());
            kinds.Add(change.GetProperty("kind").GetString()!);
        }

        Assert.Equal(["ADDED", "UPDATED", "REMOVED"], kinds);
    }

    [Fact]
    public async Task Subscribe_Event_RawBytesFollowTheBoundaryFraming()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var projectId = await MultipartServerFixture.CreateProjectAsync(Client);
        await using var stream = await OpenAsync(projectId, timeout.Token);

        await MultipartServerFixture.CreateTaskAsync(Client, projectId, "framed");
        await stream.ReadEventAsync(timeout.Token);

        // Every part: boundary, CRLF, the JSON part header, a blank line, the body; a CRLF before each boundary.
        var framing = new Regex(@"^--graphql(\r\nContent-Type: application/json; charset=utf-8\r\n\r\n(\{\}|\{""payload"":\{""data"":\{""taskChanged"":[^\r\n]*\}\}\})\r\n--graphql)+$");
        Assert.Matches(framing, stream.Raw);
    }

    [Fact]
    public async Task Subscribe_Idle_SendsHeartbeatParts()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var projectId = await MultipartServerFixture.CreateProjectAsync(Client);
        await using var stream = await OpenAsync(projectId, timeout.Token);

        for (var i = 0; i < 2; i++)
        {
            var part = await stream.ReadPartAsync(timeout.Token);
            Assert.NotNull(part);
            Assert.Equal(JsonPartHeaders, part.Headers);
            Assert.Equal("{}", part.Body);
        }
    }

    [Theory]
    [InlineData("multipart/mixed;boundary=\"graphql\";subscriptionSpec=1.0,application/json")]
    [InlineData("multipart/mixed;boundary=graphql;subscriptionSpec=1.0,application/json")]
    [InlineData("multipart/mixed; boundary=\"graphql\"; subscriptionSpec=\"1.0\"")]
    [InlineData("application/json;q=0.9, Multipart/Mixed;SubscriptionSpec=1.0")]
    public async Task Subscribe_LenientAcceptVariants_Streams(string accept)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var projectId = await MultipartServerFixture.CreateProjectAsync(Client);
        await using var stream = await OpenAsync(projectId, timeout.Token, accept);

        Assert.Equal(HttpStatusCode.OK, stream.Response.StatusCode);
        Assert.Equal("multipart/mixed", stream.ContentType?.MediaType);
        Assert.NotNull(await stream.ReadPartAsync(timeout.Token));
    }

    [Theory]
    [InlineData("query { tasks(first: 1) { nodes { id } } }", "tasks")]
    [InlineData("mutation { createProject(input: { name: \"multipart-mutation\", ownerId: \"o\" }) { name } }", "createProject")]
    public async Task QueryOrMutation_MultipartAccept_GetsSingleJsonResponse(string query, string field)
    {
        var response = await GraphQLHttp.PostJsonAsync(Client, new { query }, MultipartReader.ApolloAccept);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("application/json; charset=utf-8", response.ContentType);
        Assert.True(response.Json.GetProperty("data").TryGetProperty(field, out _), response.Text);
    }

    [Fact]
    public async Task Subscribe_InvalidSelection_GetsSingleJsonErrorResponse()
    {
        var response = await GraphQLHttp.PostJsonAsync(
            Client, new { query = "subscription { taskChanged { nope } }" }, MultipartReader.ApolloAccept);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("application/json; charset=utf-8", response.ContentType);
        Assert.False(response.HasData);
        Assert.Contains("nope", response.FirstError.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subscribe_MultipartWithZeroQuality_IsNotStreamed()
    {
        var response = await GraphQLHttp.PostJsonAsync(
            Client,
            new { query = "subscription { taskChanged { kind } }" },
            "multipart/mixed;subscriptionSpec=1.0;q=0, application/json");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.Status);
        Assert.Equal("application/json; charset=utf-8", response.ContentType);
    }

    // The response headers are sent only once the engine registered the subscription: a change made after
    // this returns is delivered.
    private Task<MultipartReader> OpenAsync(string projectId, CancellationToken cancellationToken, string accept = MultipartReader.ApolloAccept) =>
        MultipartReader.OpenAsync(Client, new { query = TaskChanged, variables = new { projectId } }, accept, cancellationToken);
}
