using System.Text.Json;

namespace CollectionStore.Api.Tests.Identity;

public sealed class SessionApiTests
{
    private const string Refresh = "mutation($t: String!) { refreshToken(input: { refreshToken: $t }) { accessToken refreshToken user { username } } }";

    [Fact]
    public async Task Login_ThenMe_ReturnsTheSignedInUser()
    {
        await using var http = await IdentityHttp.StartAsync();

        var tokens = await http.LoginAdminAsync();
        var me = (await http.DataAsync("{ me { id username roles disabled attributes createdAt } }", accessToken: tokens.AccessToken)).GetProperty("me");
        var anonymous = (await http.DataAsync("{ me { id } }")).GetProperty("me");

        Assert.Equal(tokens.UserId, me.GetProperty("id").GetString());
        Assert.Equal(IdentityHttp.AdminUsername, me.GetProperty("username").GetString());
        Assert.Contains("admin", me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.False(me.GetProperty("disabled").GetBoolean());
        Assert.Equal(JsonValueKind.Object, me.GetProperty("attributes").ValueKind);
        Assert.EndsWith("Z", me.GetProperty("createdAt").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, anonymous.ValueKind);
    }

    [Fact]
    public async Task Login_WrongPassword_InvalidCredentials()
    {
        await using var http = await IdentityHttp.StartAsync();

        var code = await http.ErrorCodeAsync(
            "mutation { login(input: { username: \"admin\", password: \"not-the-password\" }) { accessToken } }");

        Assert.Equal("INVALID_CREDENTIALS", code);
    }

    [Fact]
    public async Task Login_SixFailuresAsAliasesOfOneDocument_LaterOnesRateLimitedWithRetryAfter()
    {
        await using var http = await IdentityHttp.StartAsync();
        var fields = Enumerable.Range(1, 6).Select(i => $"a{i}: login(input: {{ username: \"admin\", password: \"wrong-{i}\" }}) {{ accessToken }}");

        var json = await http.SendAsync("mutation { " + string.Join(" ", fields) + " }");

        var errors = json.GetProperty("errors").EnumerateArray().ToDictionary(e => e.GetProperty("path")[0].GetString()!);
        Assert.Equal(6, errors.Count);
        Assert.Equal("INVALID_CREDENTIALS", IdentityHttp.Code(errors["a1"]));
        var last = errors["a6"];
        Assert.Equal("RATE_LIMITED", IdentityHttp.Code(last));
        var retryAfter = last.GetProperty("extensions").GetProperty("retryAfter");
        Assert.Equal(JsonValueKind.Number, retryAfter.ValueKind);
        Assert.InRange(retryAfter.GetInt64(), 1, 60);
        Assert.InRange(errors.Values.Count(e => IdentityHttp.Code(e) == "INVALID_CREDENTIALS"), 1, 5);
    }

    [Fact]
    public async Task RefreshToken_UsedTwice_FailsAndRevokesTheWholeSession()
    {
        await using var http = await IdentityHttp.StartAsync();
        var tokens = await http.LoginAdminAsync();

        var rotated = (await http.DataAsync(Refresh, new { t = tokens.RefreshToken })).GetProperty("refreshToken");
        var newRefresh = rotated.GetProperty("refreshToken").GetString()!;
        var reuse = await http.ErrorCodeAsync(Refresh, new { t = tokens.RefreshToken });
        var afterReuse = await http.ErrorCodeAsync(Refresh, new { t = newRefresh });

        Assert.NotEqual(tokens.RefreshToken, newRefresh);
        Assert.Equal("admin", rotated.GetProperty("user").GetProperty("username").GetString());
        Assert.Equal("INVALID_REFRESH_TOKEN", reuse);
        Assert.Equal("INVALID_REFRESH_TOKEN", afterReuse);
    }

    [Fact]
    public async Task Logout_RevokesTheCallersSession()
    {
        await using var http = await IdentityHttp.StartAsync();
        var first = await http.LoginAdminAsync();
        var second = await http.LoginAdminAsync();

        var loggedOut = (await http.DataAsync("mutation { logout }", accessToken: first.AccessToken)).GetProperty("logout");
        var refresh = await http.ErrorCodeAsync(Refresh, new { t = first.RefreshToken });
        var sessions = (await http.DataAsync("{ mySessions { id current } }", accessToken: second.AccessToken)).GetProperty("mySessions");
        var anonymous = await http.ErrorCodeAsync("mutation { logout }");

        Assert.True(loggedOut.GetBoolean());
        Assert.Equal("INVALID_REFRESH_TOKEN", refresh);
        Assert.Equal(1, sessions.GetArrayLength());
        Assert.True(sessions[0].GetProperty("current").GetBoolean());
        Assert.Equal("UNAUTHENTICATED", anonymous);
    }

    [Fact]
    public async Task MySessions_TwoLogins_ListsBothAndMarksTheCurrentOne()
    {
        await using var http = await IdentityHttp.StartAsync();
        await http.LoginAdminAsync();
        var second = await http.LoginAdminAsync();

        var sessions = (await http.DataAsync("{ mySessions { id current createdAt lastRefreshedAt expiresAt } }", accessToken: second.AccessToken))
            .GetProperty("mySessions").EnumerateArray().ToList();

        Assert.Equal(2, sessions.Count);
        Assert.Single(sessions, s => s.GetProperty("current").GetBoolean());
        Assert.All(sessions, s => Assert.True(
            string.CompareOrdinal(s.GetProperty("expiresAt").GetString(), s.GetProperty("createdAt").GetString()) > 0));
    }

    [Fact]
    public async Task RevokeSession_OwnAllowed_OtherUsersForbidden_AdminAnyone()
    {
        await using var http = await IdentityHttp.StartAsync();
        var admin = await http.LoginAdminAsync();
        await http.CreateUserAsync(admin.AccessToken, "alice", "alice-password-1", ["member"]);
        await http.CreateUserAsync(admin.AccessToken, "bob", "bob-password-12", ["member"]);
        var alice = await http.LoginAsync("alice", "alice-password-1");
        var aliceOther = await http.LoginAsync("alice", "alice-password-1");
        var bob = await http.LoginAsync("bob", "bob-password-12");
        var aliceOtherId = await CurrentSessionIdAsync(http, aliceOther.AccessToken);
        var bobSessionId = await CurrentSessionIdAsync(http, bob.AccessToken);
        const string Revoke = "mutation($id: ID!) { revokeSession(id: $id) }";

        var own = (await http.DataAsync(Revoke, new { id = aliceOtherId }, alice.AccessToken)).GetProperty("revokeSession");
        var other = await http.ErrorCodeAsync(Revoke, new { id = bobSessionId }, alice.AccessToken);
        var bobStillWorks = (await http.DataAsync(Refresh, new { t = bob.RefreshToken })).GetProperty("refreshToken").GetProperty("refreshToken").GetString();
        var byAdmin = (await http.DataAsync(Revoke, new { id = bobSessionId }, admin.AccessToken)).GetProperty("revokeSession");
        var bobAfter = await http.ErrorCodeAsync(Refresh, new { t = bobStillWorks });
        var aliceOtherAfter = await http.ErrorCodeAsync(Refresh, new { t = aliceOther.RefreshToken });

        Assert.True(own.GetBoolean());
        Assert.Equal("FORBIDDEN", other);
        Assert.True(byAdmin.GetBoolean());
        Assert.Equal("INVALID_REFRESH_TOKEN", bobAfter);
        Assert.Equal("INVALID_REFRESH_TOKEN", aliceOtherAfter);
    }

    private static async Task<string> CurrentSessionIdAsync(IdentityHttp http, string accessToken)
    {
        var sessions = (await http.DataAsync("{ mySessions { id current } }", accessToken: accessToken)).GetProperty("mySessions");
        return sessions.EnumerateArray().Single(s => s.GetProperty("current").GetBoolean()).GetProperty("id").GetString()!;
    }
}
