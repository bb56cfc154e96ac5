using System.Net;
using System.Text.Json.Nodes;
using CollectionStore.Api.Tests.Infrastructure;
using CollectionStore.Api.Tests.Transport.Sse;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CollectionStore.Api.Tests.Authentication;

/// <summary>
/// Identity comes only from a verified token: claims or user ids placed in a <c>connection_init</c> payload or in
/// headers are ignored, and a token in an EventSource URL never reaches a log line.
/// </summary>
public sealed class CredentialHandlingTests
{
    private const string Me = "{ me { id username roles } }";

    private static readonly string[] AdminRoles = ["admin"];

    [Fact]
    public async Task ClaimsInInitPayload_WithoutToken_AreIgnored()
    {
        await using var server = await AuthenticationServer.StartAsync();
        await using var client = await WsClient.ConnectAsync(server.BaseAddress);
        await client.InitAsync(new { sub = "admin", userId = "admin", roles = AdminRoles, user = new { id = "admin", roles = AdminRoles } });

        await client.SendAsync(new { id = "1", type = "subscribe", payload = new { query = Me } });
        var next = await client.ReceiveTypeAsync("next");

        Assert.Null(next["payload"]!["data"]!["me"]);
    }

    [Fact]
    public async Task IdentityHeaders_WithoutToken_AreIgnored()
    {
        await using var server = await AuthenticationServer.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent(Me) };
        request.Headers.Add("X-User-Id", "admin");
        request.Headers.Add("X-Roles", "admin");
        request.Headers.Add("X-Forwarded-User", "admin");

        using var response = await server.Client.SendAsync(request);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(json["data"]!["me"]);
    }

    [Fact]
    public async Task SignedIn_Me_IsTheTokensUser()
    {
        await using var server = await AuthenticationServer.StartAsync();
        var tokens = await AuthenticationServer.CreateAndSignInAsync(server, "ivan");
        using var client = server.CreateClient(tokens.AccessToken);

        var response = await GraphQLHttp.PostJsonAsync(client, new { query = Me });

        var me = response.Json.GetProperty("data").GetProperty("me");
        Assert.Equal("ivan", me.GetProperty("username").GetString());
        Assert.Equal(tokens.User.Id, me.GetProperty("id").GetString());
    }

    [Fact]
    public async Task AccessTokenInEventStreamUrl_NeverAppearsInTheLog()
    {
        var logs = new CapturingLoggerProvider();
        await using var server = await AuthenticationServer.StartAsync(
            AuthenticationServer.Settings(("Logging:LogLevel:Default", "Trace")),
            services => services.AddSingleton<ILoggerProvider>(logs));
        var tokens = await AuthenticationServer.CreateAndSignInAsync(server, "judy");
        var query = Uri.EscapeDataString("subscription { noteChanged { kind } }");

        await using (var stream = await SseStream.OpenAsync(server.Client, SseStream.Get($"/graphql?query={query}&access_token={tokens.AccessToken}")))
        {
            Assert.Equal(HttpStatusCode.OK, stream.Response.StatusCode);
        }

        using (var refused = await server.Client.SendAsync(SseStream.Get($"/graphql?query={query}&access_token={tokens.AccessToken}x")))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        Assert.NotEmpty(logs.Lines);
        var signature = tokens.AccessToken.Split('.')[2];
        Assert.DoesNotContain(logs.Lines, line => line.Contains(signature, StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, line => line.Contains(tokens.RefreshToken, StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, line => line.Contains(AuthenticationServer.MemberPassword, StringComparison.Ordinal));
    }

    private static StringContent JsonContent(string query) =>
        new(System.Text.Json.JsonSerializer.Serialize(new { query }), System.Text.Encoding.UTF8, "application/json");
}
