using System.Text.Json;

namespace CollectionStore.Api.Tests.AccessControl.Queries;

/// <summary>Reads over HTTP with the default rules: lists, connections, by id, relations and masked fields.</summary>
public sealed class ReadAccessTests(AccessFixture fixture) : IClassFixture<AccessFixture>
{
    private const string TaskIds = "{ tasks(first: 50) { totalCount nodes { id } } }";

    [Fact]
    public async Task List_EachUser_SeesExactlyTheTasksOfProjectsTheyReach()
    {
        Assert.Equal(AccessFixture.P1Tasks, Ids(await Data(fixture.AliceClient, TaskIds), "tasks"));
        Assert.Equal(AccessFixture.P2Tasks, Ids(await Data(fixture.BobClient, TaskIds), "tasks"));
        Assert.Equal(AccessFixture.P2Tasks, Ids(await Data(fixture.CarolClient, TaskIds), "tasks"));
        Assert.Equal(10, Ids(await Data(fixture.AdminClient, TaskIds), "tasks").Count);
        Assert.Equal(5, (await Data(fixture.BobClient, TaskIds)).GetProperty("tasks").GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task List_Anonymous_SeesNothing()
    {
        var data = await Data(fixture.Server.Client, "{ tasks { totalCount nodes { id } } projects { totalCount } comments { totalCount } }");

        Assert.Empty(Ids(data, "tasks"));
        Assert.Equal(0, data.GetProperty("tasks").GetProperty("totalCount").GetInt32());
        Assert.Equal(0, data.GetProperty("projects").GetProperty("totalCount").GetInt32());
        Assert.Equal(0, data.GetProperty("comments").GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task Connection_PagingForwardAcrossForbiddenRows_VisitsOnlyReadableRowsWithTheirTotal()
    {
        var seen = new List<string>();
        string? after = null;
        for (var page = 0; page < 10; page++)
        {
            var data = await Data(
                fixture.BobClient,
                "query($after: String) { tasks(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } }",
                new { after });
            var tasks = data.GetProperty("tasks");
            Assert.Equal(5, tasks.GetProperty("totalCount").GetInt32());
            seen.AddRange(Ids(data, "tasks"));
            if (!tasks.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean())
            {
                break;
            }

            after = tasks.GetProperty("pageInfo").GetProperty("endCursor").GetString();
        }

        Assert.Equal(AccessFixture.P2Tasks, seen);
    }

    [Fact]
    public async Task Connection_LastPageBackward_EndsWithTheLastReadableRows()
    {
        var data = await Data(fixture.AliceClient, "{ tasks(last: 2, order: [{ title: DESC }]) { totalCount pageInfo { hasPreviousPage } nodes { id } } }");

        Assert.Equal(["t03", "t01"], Ids(data, "tasks"));
        Assert.True(data.GetProperty("tasks").GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean());
        Assert.Equal(5, data.GetProperty("tasks").GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task ById_ForbiddenDocument_IsIndistinguishableFromAMissingOne()
    {
        var forbidden = await AccessFixture.PostAsync(fixture.AliceClient, "{ task(id: \"t02\") { id title } }");
        var missing = await AccessFixture.PostAsync(fixture.AliceClient, "{ task(id: \"nope\") { id title } }");
        var readable = await AccessFixture.PostAsync(fixture.BobClient, "{ task(id: \"t02\") { id title } }");

        Assert.Equal("{\"data\":{\"task\":null}}", forbidden.GetRawText());
        Assert.Equal(missing.GetRawText(), forbidden.GetRawText());
        Assert.Equal("task 02", readable.GetProperty("data").GetProperty("task").GetProperty("title").GetString());
    }

    [Fact]
    public async Task Filter_ThroughARelationToAForbiddenProject_MatchesNothing()
    {
        var data = await Data(fixture.BobClient, "{ tasks(where: { project: { name: { eq: \"one\" } } }) { totalCount nodes { id } } }");

        Assert.Empty(Ids(data, "tasks"));
        Assert.Equal(0, data.GetProperty("tasks").GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task Relations_BothWays_FollowTheReadRules()
    {
        var bob = await Data(fixture.BobClient, "{ projects { nodes { id tasks(first: 2) { totalCount nodes { id project { id } } } } } comment(id: \"c2\") { task { id project { name } } } }");
        var alice = await Data(fixture.AliceClient, "{ projects { nodes { id tasks { totalCount } } } comments { nodes { id task { id } } } }");

        var project = Assert.Single(bob.GetProperty("projects").GetProperty("nodes").EnumerateArray());
        Assert.Equal("P2", project.GetProperty("id").GetString());
        Assert.Equal(5, project.GetProperty("tasks").GetProperty("totalCount").GetInt32());
        Assert.All(project.GetProperty("tasks").GetProperty("nodes").EnumerateArray(), t => Assert.Equal("P2", t.GetProperty("project").GetProperty("id").GetString()));
        Assert.Equal("two", bob.GetProperty("comment").GetProperty("task").GetProperty("project").GetProperty("name").GetString());
        Assert.Equal("P1", Assert.Single(alice.GetProperty("projects").GetProperty("nodes").EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(["c1"], Ids(alice, "comments"));
    }

    [Fact]
    public async Task NestedField_EstimateForAMember_IsNullWithForbiddenAtItsPathAndTheRestIsDelivered()
    {
        var response = await AccessFixture.PostAsync(fixture.BobClient, "{ tasks(first: 2) { nodes { id title estimate } } }");

        var nodes = response.GetProperty("data").GetProperty("tasks").GetProperty("nodes");
        Assert.Equal(["task 02", "task 04"], nodes.EnumerateArray().Select(n => n.GetProperty("title").GetString()));
        Assert.All(nodes.EnumerateArray(), n => Assert.Equal(JsonValueKind.Null, n.GetProperty("estimate").ValueKind));
        var errors = response.GetProperty("errors").EnumerateArray().ToList();
        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.Equal("FORBIDDEN", e.GetProperty("extensions").GetProperty("code").GetString()));
        Assert.Equal(["tasks", "nodes", "0", "estimate"], errors[0].GetProperty("path").EnumerateArray().Select(p => p.ToString()));
    }

    [Fact]
    public async Task NestedField_EstimateForTheProjectOwner_IsDelivered()
    {
        var response = await AccessFixture.PostAsync(fixture.CarolClient, "{ task(id: \"t02\") { estimate project { tasks(first: 1) { nodes { estimate } } } } }");

        Assert.False(response.TryGetProperty("errors", out _), response.GetRawText());
        Assert.Equal(3.0, response.GetProperty("data").GetProperty("task").GetProperty("estimate").GetDouble());
        Assert.Equal(3.0, response.GetProperty("data").GetProperty("task").GetProperty("project").GetProperty("tasks").GetProperty("nodes")[0].GetProperty("estimate").GetDouble());
    }

    private static async Task<JsonElement> Data(HttpClient client, string query, object? variables = null)
    {
        var response = await AccessFixture.PostAsync(client, query, variables);
        Assert.False(response.TryGetProperty("errors", out _), response.GetRawText());
        return response.GetProperty("data");
    }

    private static List<string> Ids(JsonElement data, string field) =>
        [.. data.GetProperty(field).GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()!)];
}
