using System.Text.Json;

namespace CollectionStore.Api.Tests.Identity;

public sealed class UserAdminApiTests
{
    private static readonly string[] MemberAndEditor = ["member", "editor"];

    private const string Users = """
        query($first: Int, $after: String, $where: UserFilterInput) {
          users(first: $first, after: $after, where: $where) {
            totalCount
            nodes { username }
            edges { cursor node { id } }
            pageInfo { hasNextPage hasPreviousPage endCursor }
          }
        }
        """;

    [Fact]
    public async Task CreateUser_AsAdmin_ReturnsTheUserWithRolesAndAttributes()
    {
        await using var http = await IdentityHttp.StartAsync();
        var admin = await http.LoginAdminAsync();

        var created = (await http.DataAsync(
            "mutation { createUser(input: { username: \"carol\", password: \"carol-password-1\", roles: [\"member\"], attributes: { department: \"sales\", level: 2 } }) { id username roles attributes disabled } }",
            accessToken: admin.AccessToken)).GetProperty("createUser");
        var carol = await http.LoginAsync("carol", "carol-password-1");
        var me = (await http.DataAsync("{ me { id attributes } }", accessToken: carol.AccessToken)).GetProperty("me");

        Assert.Equal("carol", created.GetProperty("username").GetString());
        Assert.Equal(["member"], created.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("sales", created.GetProperty("attributes").GetProperty("department").GetString());
        Assert.Equal(2, created.GetProperty("attributes").GetProperty("level").GetInt32());
        Assert.False(created.GetProperty("disabled").GetBoolean());
        Assert.Equal(created.GetProperty("id").GetString(), me.GetProperty("id").GetString());
        Assert.Equal("sales", me.GetProperty("attributes").GetProperty("department").GetString());
    }

    [Fact]
    public async Task UpdateUser_DisableAndChangeRoles_AppliesAndEndsLogin()
    {
        await using var http = await IdentityHttp.StartAsync();
        var admin = await http.LoginAdminAsync();
        var id = await http.CreateUserAsync(admin.AccessToken, "dave", "dave-password-12", ["member"]);
        var dave = await http.LoginAsync("dave", "dave-password-12");

        var updated = (await http.DataAsync(
            "mutation($id: ID!, $i: UpdateUserInput!) { updateUser(id: $id, input: $i) { id roles disabled attributes } }",
            new { id, i = new { roles = MemberAndEditor, disabled = true, attributes = new { team = "x" } } },
            admin.AccessToken)).GetProperty("updateUser");
        var refresh = await http.ErrorCodeAsync(
            "mutation($t: String!) { refreshToken(input: { refreshToken: $t }) { accessToken } }", new { t = dave.RefreshToken });
        var login = await http.ErrorCodeAsync("mutation { login(input: { username: \"dave\", password: \"dave-password-12\" }) { accessToken } }");

        Assert.Equal(["member", "editor"], updated.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.True(updated.GetProperty("disabled").GetBoolean());
        Assert.Equal("x", updated.GetProperty("attributes").GetProperty("team").GetString());
        Assert.Equal("INVALID_REFRESH_TOKEN", refresh);
        Assert.NotNull(login);
    }

    [Fact]
    public async Task Users_PagesAndFilters_AsAdmin()
    {
        await using var http = await IdentityHttp.StartAsync();
        var admin = await http.LoginAdminAsync();
        foreach (var name in new[] { "erin", "frank", "grace" })
        {
            await http.CreateUserAsync(admin.AccessToken, name, name + "-password-123", name == "frank" ? ["editor"] : ["member"]);
        }

        var graceId = (await http.DataAsync(Users, new { where = new { usernameContains = "RAC" } }, admin.AccessToken))
            .GetProperty("users").GetProperty("edges")[0].GetProperty("node").GetProperty("id").GetString();
        await http.DataAsync("mutation($id: ID!) { updateUser(id: $id, input: { disabled: true }) { id } }", new { id = graceId }, admin.AccessToken);

        var first = (await http.DataAsync(Users, new { first = 2 }, admin.AccessToken)).GetProperty("users");
        var next = (await http.DataAsync(Users, new { first = 2, after = first.GetProperty("pageInfo").GetProperty("endCursor").GetString() }, admin.AccessToken)).GetProperty("users");
        var editors = (await http.DataAsync(Users, new { where = new { role = "editor" } }, admin.AccessToken)).GetProperty("users");
        var disabled = (await http.DataAsync(Users, new { where = new { disabled = true } }, admin.AccessToken)).GetProperty("users");

        Assert.Equal(4, first.GetProperty("totalCount").GetInt32());
        Assert.Equal(["admin", "erin"], Names(first));
        Assert.True(first.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.Equal(["frank", "grace"], Names(next));
        Assert.False(next.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.True(next.GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean());
        Assert.Equal(["frank"], Names(editors));
        Assert.Equal(1, editors.GetProperty("totalCount").GetInt32());
        Assert.Equal(["grace"], Names(disabled));
    }

    [Fact]
    public async Task Users_FirstOverMaximum_PageSizeExceeded()
    {
        await using var http = await IdentityHttp.StartAsync();
        var admin = await http.LoginAdminAsync();

        var code = await http.ErrorCodeAsync(Users, new { first = 501 }, admin.AccessToken);

        Assert.Equal("PAGE_SIZE_EXCEEDED", code);
    }

    [Theory]
    [InlineData("mutation { createUser(input: { username: \"x\", password: \"x-password-123\" }) { id } }")]
    [InlineData("mutation { updateUser(id: \"u1\", input: { disabled: true }) { id } }")]
    [InlineData("{ users { totalCount } }")]
    [InlineData("{ auditLog { totalCount } }")]
    [InlineData("{ verifyAuditLog { valid } }")]
    public async Task AdminField_AsMember_Forbidden(string query)
    {
        await using var http = await IdentityHttp.StartAsync();
        var admin = await http.LoginAdminAsync();
        await http.CreateUserAsync(admin.AccessToken, "member", "member-password-1", ["member"]);
        var member = await http.LoginAsync("member", "member-password-1");

        var code = await http.ErrorCodeAsync(query, accessToken: member.AccessToken);

        Assert.Equal("FORBIDDEN", code);
    }

    [Fact]
    public async Task AuditLog_AfterLoginsAndUserChanges_ListsThemAndVerifies()
    {
        await using var http = await IdentityHttp.StartAsync();
        var admin = await http.LoginAdminAsync();
        var userId = await http.CreateUserAsync(admin.AccessToken, "heidi", "heidi-password-1", ["member"]);
        await http.ErrorCodeAsync("mutation { login(input: { username: \"heidi\", password: \"wrong-password\" }) { accessToken } }");
        await http.DataAsync("mutation($id: ID!) { updateUser(id: $id, input: { roles: [\"editor\"] }) { id } }", new { id = userId }, admin.AccessToken);
        const string Audit = """
            query($where: AuditEntryFilterInput, $first: Int) {
              auditLog(where: $where, first: $first) { totalCount nodes { sequence at kind subjectId sessionId address detail hash } }
            }
            """;

        var all = (await http.DataAsync(Audit, new { first = 100 }, admin.AccessToken)).GetProperty("auditLog");
        var created = (await http.DataAsync(Audit, new { where = new { kind = "user.created" } }, admin.AccessToken)).GetProperty("auditLog");
        var aboutHeidi = (await http.DataAsync(Audit, new { where = new { subjectId = userId } }, admin.AccessToken)).GetProperty("auditLog");
        var future = (await http.DataAsync(Audit, new { where = new { since = "2999-01-01T00:00:00Z" } }, admin.AccessToken)).GetProperty("auditLog");
        var verification = (await http.DataAsync("{ verifyAuditLog { valid entriesChecked firstBrokenSequence problem } }", accessToken: admin.AccessToken))
            .GetProperty("verifyAuditLog");

        var kinds = all.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("kind").GetString()).ToList();
        Assert.Contains("login.succeeded", kinds);
        Assert.Contains("login.failed", kinds);
        Assert.Contains("user.created", kinds);
        Assert.Contains("user.changed", kinds);
        var sequences = all.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("sequence").GetInt64()).ToList();
        Assert.Equal(sequences.OrderDescending(), sequences);
        Assert.All(created.GetProperty("nodes").EnumerateArray(), n => Assert.Equal("user.created", n.GetProperty("kind").GetString()));
        Assert.Contains(created.GetProperty("nodes").EnumerateArray(), n => n.GetProperty("detail").GetProperty("userId").GetString() == userId);
        Assert.All(aboutHeidi.GetProperty("nodes").EnumerateArray(), n => Assert.Equal(userId, n.GetProperty("subjectId").GetString()));
        Assert.Contains(aboutHeidi.GetProperty("nodes").EnumerateArray(), n => n.GetProperty("kind").GetString() == "login.failed");
        Assert.Equal(0, future.GetProperty("totalCount").GetInt32());
        Assert.True(verification.GetProperty("valid").GetBoolean(), verification.GetRawText());
        Assert.True(verification.GetProperty("entriesChecked").GetInt64() >= sequences.Count);
        Assert.Equal(JsonValueKind.Null, verification.GetProperty("firstBrokenSequence").ValueKind);
    }

    private static IEnumerable<string?> Names(JsonElement connection) =>
        connection.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("username").GetString());
}
