using System.Net;
using CollectionStore.Api.Tests.Infrastructure;

namespace CollectionStore.Api.Tests.Transport.Http;

[Collection(DefaultServerGroup.Name)]
public sealed class GraphQLHttpGetTests(DefaultServerFixture fixture)
{
    private HttpClient Client => fixture.Server.Client;

    [Fact]
    public async Task Get_Query_Executes()
    {
        var response = await GraphQLHttp.GetAsync(Client, GraphQLHttp.Query("query Q($name: String) { hello(name: $name) }", """{"name":"Bo"}"""));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("Hello, Bo!", response.Json.GetProperty("data").GetProperty("hello").GetString());
    }

    [Theory]
    [InlineData("mutation { setValue(value: \"x\") }", null)]
    [InlineData("query Q { __typename } mutation M { setValue(value: \"x\") }", "M")]
    public async Task Get_Mutation_Returns405WithAllowPost(string query, string? operationName)
    {
        var path = GraphQLHttp.Query(query) + (operationName is null ? string.Empty : $"&operationName={operationName}");
        foreach (var accept in new[] { "application/json", GraphQLHttp.GraphQLResponseJson })
        {
            var response = await GraphQLHttp.GetAsync(Client, path, accept);

            Assert.Equal(HttpStatusCode.MethodNotAllowed, response.Status);
            Assert.Equal(["POST"], response.ContentHeaders.Allow);
            Assert.Equal("OPERATION_NOT_ALLOWED", response.FirstErrorCode);
        }
    }

    [Fact]
    public async Task Get_QueryOperationOfMixedDocument_Executes()
    {
        var path = GraphQLHttp.Query("query Q { __typename } mutation M { setValue(value: \"x\") }") + "&operationName=Q";

        var response = await GraphQLHttp.GetAsync(Client, path);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("Query", response.Json.GetProperty("data").GetProperty("__typename").GetString());
    }

    [Theory]
    [InlineData("/graphql")]
    [InlineData("/graphql?query=")]
    [InlineData("/graphql?query=%7B__typename%7D&variables=%5B1%5D")]
    [InlineData("/graphql?query=%7B__typename%7D&variables=notjson")]
    [InlineData("/graphql?query=%7B__typename%7D&extensions=1")]
    [InlineData("/graphql?query=%7B__typename%7D&query=%7B__typename%7D")]
    public async Task Get_MalformedParameters_Returns400(string path)
    {
        var response = await GraphQLHttp.GetAsync(Client, path);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
    }

    [Fact]
    public async Task Get_NullVariables_IsAccepted()
    {
        var response = await GraphQLHttp.GetAsync(Client, GraphQLHttp.Query("{ __typename }", "null"));

        Assert.Equal(HttpStatusCode.OK, response.Status);
    }

    [Fact]
    public async Task Get_Sdl_ReturnsPlainTextSchema()
    {
        var response = await GraphQLHttp.GetAsync(Client, "/graphql?sdl");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.StartsWith("text/plain", response.ContentType, StringComparison.Ordinal);
        Assert.Contains("type Query", response.Text, StringComparison.Ordinal);
        Assert.Contains("input EchoInput", response.Text, StringComparison.Ordinal);
    }
}
