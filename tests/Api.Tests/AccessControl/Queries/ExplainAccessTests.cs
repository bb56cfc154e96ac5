using System.Text.Json;
using CollectionStore.Authorization.Identity;

namespace CollectionStore.Api.Tests.AccessControl.Queries;

/// <summary><c>explainAccess</c> over HTTP: for oneself, for another user (admins only), and its input errors.</summary>
public sealed class ExplainAccessTests(AccessFixture fixture) : IClassFixture<AccessFixture>
{
    private const string Explain = """
        query($collection: String!, $id: ID!, $action: Action!, $subjectId: ID) {
          explainAccess(collection: $collection, id: $id, action: $action, subjectId: $subjectId) {
            allowed matchedGrant grants { index description matched reason }
          }
        }
        """;

    [Fact]
    public async Task ExplainAccess_ForThemselves_NamesTheMatchingGrant()
    {
        var explanation = await Explained(fixture.BobClient, "Task", "t02", "UPDATE");

        Assert.True(explanation.GetProperty("allowed").GetBoolean());
        Assert.StartsWith("@allow(to: [READ, CREATE, UPDATE]", explanation.GetProperty("matchedGrant").GetString(), StringComparison.Ordinal);
        var grant = Assert.Single(explanation.GetProperty("grants").EnumerateArray());
        Assert.True(grant.GetProperty("matched").GetBoolean());
        Assert.Equal(JsonValueKind.Null, grant.GetProperty("reason").ValueKind);
    }

    [Fact]
    public async Task ExplainAccess_Denied_GivesEveryGrantWithWhyItFailed()
    {
        var explanation = await Explained(fixture.BobClient, "Task", "t02", "DELETE");

        Assert.False(explanation.GetProperty("allowed").GetBoolean());
        Assert.Equal(JsonValueKind.Null, explanation.GetProperty("matchedGrant").ValueKind);
        Assert.Equal(
            ["action not covered", "document does not satisfy where"],
            explanation.GetProperty("grants").EnumerateArray().Select(g => g.GetProperty("reason").GetString()));
        Assert.Equal([0, 1], explanation.GetProperty("grants").EnumerateArray().Select(g => g.GetProperty("index").GetInt32()));
    }

    [Fact]
    public async Task ExplainAccess_AdminForAnotherUser_ExplainsAsThatUser()
    {
        var asBob = await Explained(fixture.BobClient, "Task", "t02", "DELETE");
        var byAdmin = await Explained(fixture.AdminClient, "Task", "t02", "DELETE", fixture.Bob.Id);
        var adminSelf = await Explained(fixture.AdminClient, "Task", "t02", "DELETE");

        Assert.Equal(asBob.GetRawText(), byAdmin.GetRawText());
        Assert.True(adminSelf.GetProperty("allowed").GetBoolean());
        Assert.Equal(-1, adminSelf.GetProperty("grants")[0].GetProperty("index").GetInt32());
    }

    [Fact]
    public async Task ExplainAccess_NonAdminForAnotherUser_IsForbidden()
    {
        var response = await AccessFixture.PostAsync(fixture.BobClient, Explain, new { collection = "Task", id = "t02", action = "READ", subjectId = fixture.Carol.Id });

        Assert.Equal("FORBIDDEN", Code(response));
    }

    [Theory]
    [InlineData("Nope", "t02", "INVALID_INPUT")]
    [InlineData("Task", "no-such", "NOT_FOUND")]
    [InlineData("Task", "t01", "NOT_FOUND")]
    public async Task ExplainAccess_UnknownCollectionOrDocument_OrOneTheCallerCannotRead_IsRefused(string collection, string id, string code)
    {
        var response = await AccessFixture.PostAsync(fixture.BobClient, Explain, new { collection, id, action = "READ" });

        Assert.Equal(code, Code(response));
    }

    [Fact]
    public async Task ExplainAccess_DeniedWrite_NamesTheSameReasonsAsTheAuditEntry()
    {
        await fixture.CreateAsync("Task", "explained", new() { ["projectId"] = "P2", ["title"] = "x" });
        await AccessFixture.PostAsync(fixture.BobClient, "mutation { deleteTask(id: \"explained\") { id } }");

        var explanation = await Explained(fixture.BobClient, "Task", "explained", "DELETE");
        var audited = (string?)(await fixture.DenialsAsync()).First(d => (string?)d["id"] == "explained")["reason"];

        Assert.All(explanation.GetProperty("grants").EnumerateArray(), g =>
            Assert.Contains($"grant {g.GetProperty("index").GetInt32()}: {g.GetProperty("reason").GetString()}", audited, StringComparison.Ordinal));
    }

    [Fact]
    public async Task RoleChange_ByAnAdmin_AppliesToTheUsersNextRequest()
    {
        var (dave, client) = await fixture.SignUpAsync("dave", []);
        var create = "mutation($name: String!) { createProject(input: { name: $name, ownerId: \"" + dave.Id + "\" }) { id } }";

        var before = await AccessFixture.PostAsync(client, create, new { name = "dave-1" });
        await fixture.Identity.UpdateUserAsync(await fixture.AdminActorAsync(), dave.Id, new UserChanges(["member"], null, null, null), ClientInfo.Unknown, CancellationToken.None);
        var after = await AccessFixture.PostAsync(client, create, new { name = "dave-2" });
        await fixture.Identity.UpdateUserAsync(await fixture.AdminActorAsync(), dave.Id, new UserChanges([], null, null, null), ClientInfo.Unknown, CancellationToken.None);
        var revoked = await AccessFixture.PostAsync(client, create, new { name = "dave-3" });

        Assert.Equal("FORBIDDEN", Code(before));
        Assert.False(after.TryGetProperty("errors", out _), after.GetRawText());
        Assert.Equal("FORBIDDEN", Code(revoked));
    }

    private static async Task<JsonElement> Explained(HttpClient client, string collection, string id, string action, string? subjectId = null)
    {
        var response = await AccessFixture.PostAsync(client, Explain, new { collection, id, action, subjectId });
        Assert.False(response.TryGetProperty("errors", out _), response.GetRawText());
        return response.GetProperty("data").GetProperty("explainAccess");
    }

    private static string? Code(JsonElement response) =>
        response.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString();
}
