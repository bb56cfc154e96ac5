using System.Text.Json;

namespace CollectionStore.Api.Tests.AccessControl.Queries;

/// <summary>
/// Mutations over HTTP with the default rules: each allowed and denied case, nothing written on a denial, an
/// <c>access.denied</c> audit entry with the decision's reason, and system fields that cannot be forged.
/// </summary>
public sealed class WriteAccessTests(AccessFixture fixture) : IClassFixture<AccessFixture>
{
    private const string CreateTask = "mutation($input: CreateTaskInput!) { createTask(input: $input) { id createdBy updatedBy projectId } }";
    private const string UpdateTask = "mutation($id: ID!, $input: UpdateTaskInput!, $v: Int) { updateTask(id: $id, input: $input, expectedVersion: $v) { id version updatedBy projectId title } }";
    private const string DeleteTask = "mutation($id: ID!, $v: Int) { deleteTask(id: $id, expectedVersion: $v) { id } }";

    [Fact]
    public async Task CreateProject_MemberForThemselves_IsAllowedAndCreatedByComesFromTheToken()
    {
        var data = await Allowed(fixture.AliceClient, "mutation { createProject(input: { name: \"alice-own\", ownerId: \"" + fixture.Alice.Id + "\" }) { id createdBy updatedBy } }");

        Assert.Equal(fixture.Alice.Id, data.GetProperty("createProject").GetProperty("createdBy").GetString());
        Assert.Equal(fixture.Alice.Id, data.GetProperty("createProject").GetProperty("updatedBy").GetString());
    }

    [Fact]
    public async Task CreateProject_ForSomeoneElse_IsForbiddenNothingWrittenAndAudited()
    {
        var response = await AccessFixture.PostAsync(fixture.AliceClient, "mutation { createProject(input: { id: \"stolen\", name: \"for-bob\", ownerId: \"" + fixture.Bob.Id + "\" }) { id } }");

        AssertError(response, "FORBIDDEN");
        Assert.Contains("create", response.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Null(await fixture.StoredAsync("Project", "stolen"));
        var denial = (await fixture.DenialsAsync()).First(d => (string?)d["id"] == "stolen");
        Assert.Equal("Project", (string?)denial["collection"]);
        Assert.Equal("CREATE", (string?)denial["action"]);
        Assert.Equal(fixture.Alice.Id, (string?)denial["subjectId"]);
        Assert.Contains("grant 1: document does not satisfy where", (string?)denial["reason"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateProject_WithoutTheMemberRole_IsForbidden()
    {
        var response = await AccessFixture.PostAsync(fixture.CarolClient, "mutation { createProject(input: { id: \"carol-new\", name: \"carol-new\", ownerId: \"" + fixture.Carol.Id + "\" }) { id } }");

        AssertError(response, "FORBIDDEN");
        Assert.Null(await fixture.StoredAsync("Project", "carol-new"));
        Assert.Contains("subject lacks role member", (string?)(await fixture.DenialsAsync()).First(d => (string?)d["id"] == "carol-new")["reason"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateTask_InAReachableProject_IsAllowed_InAnUnreachableOne_IsForbidden()
    {
        await Allowed(fixture.BobClient, CreateTask, new { input = new { id = "bob-ok", projectId = "P2", title = "mine" } });
        var denied = await AccessFixture.PostAsync(fixture.BobClient, CreateTask, new { input = new { id = "bob-no", projectId = "P1", title = "theirs" } });

        AssertError(denied, "FORBIDDEN");
        Assert.NotNull(await fixture.StoredAsync("Task", "bob-ok"));
        Assert.Null(await fixture.StoredAsync("Task", "bob-no"));
    }

    [Fact]
    public async Task UpdateTask_MemberChangesTitle_IsAllowed_ButNotTheEstimate()
    {
        await fixture.CreateAsync("Task", "upd-1", new() { ["projectId"] = "P2", ["title"] = "before", ["estimate"] = 2.0 });

        var updated = await Allowed(fixture.BobClient, UpdateTask, new { id = "upd-1", input = new { title = "after" } });
        var denied = await AccessFixture.PostAsync(fixture.BobClient, UpdateTask, new { id = "upd-1", input = new { estimate = 9.0 } });

        Assert.Equal(fixture.Bob.Id, updated.GetProperty("updateTask").GetProperty("updatedBy").GetString());
        AssertError(denied, "FORBIDDEN");
        Assert.Equal(2.0, (double)(await fixture.StoredAsync("Task", "upd-1"))!["estimate"]!);
        Assert.Contains("field 'estimate' may not be changed", (string?)(await fixture.DenialsAsync()).First(d => (string?)d["id"] == "upd-1")["reason"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bob", "P2", "P3")]
    [InlineData("alice", "P1", "P2")]
    public async Task UpdateTask_MovedToAProjectTheUserCannotReach_IsForbiddenAndNothingChanges(string user, string from, string to)
    {
        var id = $"move-{user}";
        await fixture.CreateAsync("Task", id, new() { ["projectId"] = from, ["title"] = "movable" });
        var client = user == "bob" ? fixture.BobClient : fixture.AliceClient;

        var response = await AccessFixture.PostAsync(client, UpdateTask, new { id, input = new { projectId = to } });

        AssertError(response, "FORBIDDEN");
        Assert.Equal(from, (string?)(await fixture.StoredAsync("Task", id))!["projectId"]);
        Assert.Contains("the result is not allowed", (string?)(await fixture.DenialsAsync()).First(d => (string?)d["id"] == id)["reason"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateTask_OwnerMovesBetweenTheirOwnProjects_IsAllowed()
    {
        await fixture.CreateAsync("Task", "carol-move", new() { ["projectId"] = "P2", ["title"] = "movable" });

        var data = await Allowed(fixture.CarolClient, UpdateTask, new { id = "carol-move", input = new { projectId = "P3" } });

        Assert.Equal("P3", data.GetProperty("updateTask").GetProperty("projectId").GetString());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task UpdateAndDelete_OfADocumentTheUserCannotRead_LookExactlyLikeAMissingOne(bool withVersion)
    {
        var id = withVersion ? "hidden-v" : "hidden";
        await fixture.CreateAsync("Task", id, new() { ["projectId"] = "P2", ["title"] = "hidden" });
        int? version = withVersion ? 42 : null;

        var update = await AccessFixture.PostAsync(fixture.AliceClient, UpdateTask, new { id, input = new { title = "x" }, v = version });
        var delete = await AccessFixture.PostAsync(fixture.AliceClient, DeleteTask, new { id, v = version });
        var missing = await AccessFixture.PostAsync(fixture.AliceClient, DeleteTask, new { id = "no-such", v = version });

        AssertError(update, "NOT_FOUND");
        AssertError(delete, "NOT_FOUND");
        Assert.Equal(missing.GetRawText().Replace("no-such", id, StringComparison.Ordinal), delete.GetRawText());
        Assert.Equal("hidden", (string?)(await fixture.StoredAsync("Task", id))!["title"]);
        Assert.Equal(2, (await fixture.DenialsAsync()).Count(d => (string?)d["id"] == id));
    }

    [Fact]
    public async Task UpdateTask_StaleVersionOnAReadableDocument_IsStillAVersionConflict()
    {
        await fixture.CreateAsync("Task", "stale", new() { ["projectId"] = "P2", ["title"] = "v1" });

        var response = await AccessFixture.PostAsync(fixture.BobClient, UpdateTask, new { id = "stale", input = new { title = "v2" }, v = 7 });

        AssertError(response, "VERSION_CONFLICT");
    }

    [Fact]
    public async Task DeleteTask_MemberIsForbidden_OwnerIsAllowed()
    {
        await fixture.CreateAsync("Task", "del-1", new() { ["projectId"] = "P2", ["title"] = "doomed" });

        var member = await AccessFixture.PostAsync(fixture.BobClient, DeleteTask, new { id = "del-1" });
        Assert.NotNull(await fixture.StoredAsync("Task", "del-1"));
        await Allowed(fixture.CarolClient, DeleteTask, new { id = "del-1" });

        AssertError(member, "FORBIDDEN");
        Assert.Contains("delete", member.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Null(await fixture.StoredAsync("Task", "del-1"));
    }

    [Fact]
    public async Task CreateComment_OnAReadableTaskAsThemselves_IsAllowed_OtherwiseForbidden()
    {
        const string create = "mutation($input: CreateCommentInput!) { createComment(input: $input) { id } }";

        await Allowed(fixture.BobClient, create, new { input = new { id = "cm-ok", taskId = "t02", authorId = fixture.Bob.Id, body = "ok" } });
        var unreadableTask = await AccessFixture.PostAsync(fixture.BobClient, create, new { input = new { id = "cm-task", taskId = "t01", authorId = fixture.Bob.Id, body = "no" } });
        var asSomeoneElse = await AccessFixture.PostAsync(fixture.BobClient, create, new { input = new { id = "cm-author", taskId = "t02", authorId = fixture.Carol.Id, body = "no" } });

        AssertError(unreadableTask, "FORBIDDEN");
        AssertError(asSomeoneElse, "FORBIDDEN");
        Assert.Null(await fixture.StoredAsync("Comment", "cm-task"));
        Assert.Null(await fixture.StoredAsync("Comment", "cm-author"));
    }

    [Theory]
    [InlineData("createTask(input: { projectId: \"P2\", title: \"f\", createdBy: \"someone\" }) { id }")]
    [InlineData("createTask(input: { projectId: \"P2\", title: \"f\", updatedBy: \"someone\" }) { id }")]
    [InlineData("createTask(input: { projectId: \"P2\", title: \"f\", version: 9 }) { id }")]
    [InlineData("createTask(input: { projectId: \"P2\", title: \"f\", createdAt: \"2020-01-01T00:00:00Z\" }) { id }")]
    [InlineData("updateTask(id: \"t02\", input: { id: \"t99\" }) { id }")]
    [InlineData("updateTask(id: \"t02\", input: { createdBy: \"someone\" }) { id }")]
    [InlineData("updateTask(id: \"t02\", input: { version: 1 }) { id }")]
    [InlineData("updateTask(id: \"t02\", input: { updatedAt: \"2020-01-01T00:00:00Z\" }) { id }")]
    public async Task Mutation_ForgingASystemField_IsRefusedBeforeAnythingRuns(string mutation)
    {
        var before = await AccessFixture.PostAsync(fixture.AdminClient, "{ tasks { totalCount } task(id: \"t02\") { version updatedBy } }");

        var response = await AccessFixture.PostAsync(fixture.BobClient, "mutation { " + mutation + " }");

        Assert.True(response.TryGetProperty("errors", out _), response.GetRawText());
        Assert.False(response.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object, response.GetRawText());
        var after = await AccessFixture.PostAsync(fixture.AdminClient, "{ tasks { totalCount } task(id: \"t02\") { version updatedBy } }");
        Assert.Equal(before.GetRawText(), after.GetRawText());
    }

    private static async Task<JsonElement> Allowed(HttpClient client, string query, object? variables = null)
    {
        var response = await AccessFixture.PostAsync(client, query, variables);
        Assert.False(response.TryGetProperty("errors", out _), response.GetRawText());
        return response.GetProperty("data");
    }

    private static void AssertError(JsonElement response, string code)
    {
        Assert.Equal(code, response.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        // The mutation fields are non-null, so a refused one nulls the whole data.
        Assert.Equal(JsonValueKind.Null, response.GetProperty("data").ValueKind);
    }
}
