using System.Net;
using CollectionStore.Api.Tests.Infrastructure;

namespace CollectionStore.Api.Tests.Transport.Http;

/// <summary>The schema generated from the model, served end to end over HTTP with the real store.</summary>
public sealed class GeneratedApiOverHttpTests : IAsyncLifetime
{
    private ApiServer? _server;

    private HttpClient Client => _server!.Client;

    public async Task InitializeAsync() => _server = await ApiServer.StartAsync(useTestSchema: false);

    public async Task DisposeAsync() => await _server!.DisposeAsync();

    [Fact]
    public async Task CreateThenQuery_OverHttp_RoundTrips()
    {
        var created = await GraphQLHttp.PostJsonAsync(Client, new { query = "mutation { createNote(input: { text: \"hi\" }) { id version text } }" });
        Assert.Equal(HttpStatusCode.OK, created.Status);
        var id = created.Json.GetProperty("data").GetProperty("createNote").GetProperty("id").GetString();

        var read = await GraphQLHttp.GetAsync(Client, GraphQLHttp.Query("query($id: ID!) { note(id: $id) { text version } }", $$"""{"id":"{{id}}"}"""));

        Assert.Equal(HttpStatusCode.OK, read.Status);
        Assert.Equal("hi", read.Json.GetProperty("data").GetProperty("note").GetProperty("text").GetString());
        Assert.Equal(1, read.Json.GetProperty("data").GetProperty("note").GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Sdl_GeneratedSchema_ListsCollectionTypes()
    {
        var response = await GraphQLHttp.GetAsync(Client, "/graphql?sdl");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Contains("type Note", response.Text, StringComparison.Ordinal);
        Assert.Contains("NoteFilterInput", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Introspection_FullQuery_PassesDefaultLimits()
    {
        var response = await GraphQLHttp.PostJsonAsync(Client, new { query = IntrospectionQuery }, GraphQLHttp.GraphQLResponseJson);

        Assert.True(response.Status == HttpStatusCode.OK, response.Text);
        Assert.True(response.Json.GetProperty("data").GetProperty("__schema").GetProperty("types").GetArrayLength() > 10);
    }

    private const string IntrospectionQuery = """
        query IntrospectionQuery {
          __schema {
            queryType { name } mutationType { name } subscriptionType { name }
            types { ...FullType }
            directives { name description locations args { ...InputValue } }
          }
        }
        fragment FullType on __Type {
          kind name description
          fields(includeDeprecated: true) { name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason }
          inputFields { ...InputValue }
          interfaces { ...TypeRef }
          enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
          possibleTypes { ...TypeRef }
        }
        fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
        fragment TypeRef on __Type {
          kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } }
        }
        """;
}
