using CollectionStore.Api.Tests.Infrastructure;

namespace CollectionStore.Api.Tests.Authentication;

/// <summary><c>Security:AnonymousIntrospection</c>: on by default for tools; off, only signed-in callers may introspect.</summary>
public sealed class IntrospectionSwitchTests
{
    private const string Introspection = "{ __schema { queryType { name } } }";

    [Fact]
    public async Task Default_AnonymousCaller_MayIntrospect()
    {
        await using var server = await AuthenticationServer.StartAsync();

        var response = await GraphQLHttp.PostJsonAsync(server.Client, new { query = Introspection });

        Assert.Equal("Query", response.Json.GetProperty("data").GetProperty("__schema").GetProperty("queryType").GetProperty("name").GetString());
    }

    [Fact]
    public async Task SwitchedOff_AnonymousIntrospectionRefused_TypenameAndSignedInCallersStillWork()
    {
        await using var server = await AuthenticationServer.StartAsync(AuthenticationServer.Settings(("Security:AnonymousIntrospection", "false")));
        var tokens = await AuthenticationServer.CreateAndSignInAsync(server, "kim");
        using var signedIn = server.CreateClient(tokens.AccessToken);

        var anonymous = await GraphQLHttp.PostJsonAsync(server.Client, new { query = Introspection });
        var typename = await GraphQLHttp.PostJsonAsync(server.Client, new { query = "{ __typename }" });
        var member = await GraphQLHttp.PostJsonAsync(signedIn, new { query = Introspection });

        Assert.False(anonymous.HasData && anonymous.Json.GetProperty("data").ValueKind != System.Text.Json.JsonValueKind.Null);
        Assert.Contains("Introspection", anonymous.FirstError.GetProperty("message").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Query", typename.Json.GetProperty("data").GetProperty("__typename").GetString());
        Assert.Equal("Query", member.Json.GetProperty("data").GetProperty("__schema").GetProperty("queryType").GetProperty("name").GetString());
    }
}
