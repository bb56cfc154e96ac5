using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using CollectionStore.Api.Tests.Infrastructure;

namespace CollectionStore.Api.Tests.Identity;

/// <summary>
/// A real server with the generated API, a signing key and a known bootstrap admin, and helpers to call the
/// identity API over HTTP as anonymous or with a bearer token.
/// </summary>
internal sealed class IdentityHttp : IAsyncDisposable
{
    public const string AdminUsername = "admin";
    public const string AdminPassword = "identity-tests-admin-password";

    private const string LoginMutation = """
        mutation($u: String!, $p: String!) {
          login(input: { username: $u, password: $p }) { accessToken refreshToken expiresAt user { id username roles } }
        }
        """;

    private readonly List<HttpClient> _clients = [];

    private IdentityHttp(ApiServer server) => Server = server;

    public ApiServer Server { get; }

    public static async Task<IdentityHttp> StartAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Auth:SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Auth:BootstrapAdmin:Username"] = AdminUsername,
            ["Auth:BootstrapAdmin:Password"] = AdminPassword,
        };
        return new IdentityHttp(await ApiServer.StartAsync(settings, useTestSchema: false));
    }

    /// <summary>A client sending <c>Authorization: Bearer</c>; null gives the anonymous client.</summary>
    public HttpClient Client(string? accessToken)
    {
        if (accessToken is null)
        {
            return Server.Client;
        }

        var client = new HttpClient { BaseAddress = Server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        _clients.Add(client);
        return client;
    }

    /// <summary>Sends an operation and returns the whole response body.</summary>
    public async Task<JsonElement> SendAsync(string query, object? variables = null, string? accessToken = null)
    {
        var response = await GraphQLHttp.PostJsonAsync(Client(accessToken), new { query, variables });
        return response.Json;
    }

    /// <summary>Sends an operation that must succeed and returns its <c>data</c>.</summary>
    public async Task<JsonElement> DataAsync(string query, object? variables = null, string? accessToken = null)
    {
        var json = await SendAsync(query, variables, accessToken);
        Assert.False(json.TryGetProperty("errors", out _), json.GetRawText());
        return json.GetProperty("data");
    }

    /// <summary>Sends an operation that must fail and returns its first error's <c>extensions.code</c>.</summary>
    public async Task<string?> ErrorCodeAsync(string query, object? variables = null, string? accessToken = null)
    {
        var json = await SendAsync(query, variables, accessToken);
        Assert.True(json.TryGetProperty("errors", out var errors), json.GetRawText());
        return Code(errors[0]);
    }

    public async Task<Tokens> LoginAsync(string username, string password)
    {
        var login = (await DataAsync(LoginMutation, new { u = username, p = password })).GetProperty("login");
        return new Tokens(
            login.GetProperty("accessToken").GetString()!,
            login.GetProperty("refreshToken").GetString()!,
            login.GetProperty("user").GetProperty("id").GetString()!);
    }

    public Task<Tokens> LoginAdminAsync() => LoginAsync(AdminUsername, AdminPassword);

    /// <summary>Creates a user as the admin and returns its id.</summary>
    public async Task<string> CreateUserAsync(string adminToken, string username, string password, string[] roles, object? attributes = null)
    {
        var data = await DataAsync(
            "mutation($i: CreateUserInput!) { createUser(input: $i) { id } }",
            new { i = new { username, password, roles, attributes } },
            adminToken);
        return data.GetProperty("createUser").GetProperty("id").GetString()!;
    }

    public static string? Code(JsonElement error) =>
        error.TryGetProperty("extensions", out var extensions) && extensions.TryGetProperty("code", out var code) ? code.GetString() : null;

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        await Server.DisposeAsync();
    }

    /// <summary>What login handed out.</summary>
    public sealed record Tokens(string AccessToken, string RefreshToken, string UserId);
}
