using System.Net;
using CollectionStore.Api.Tests.Infrastructure;

namespace CollectionStore.Api.Tests.Transport.Http;

[Collection(DefaultServerGroup.Name)]
public sealed class GraphQLHttpPostTests(DefaultServerFixture fixture)
{
    private HttpClient Client => fixture.Server.Client;

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/json;charset=UTF-8")]
    [InlineData("Application/JSON; charset=\"utf-8\"")]
    public async Task Post_JsonUtf8OrNoCharset_Executes(string contentType)
    {
        var response = await GraphQLHttp.PostAsync(Client, """{"query":"{ hello(name: \"Run🏃\") }"}""", contentType);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("Hello, Run🏃!", response.Json.GetProperty("data").GetProperty("hello").GetString());
        Assert.False(response.Json.TryGetProperty("errors", out _));
    }

    [Theory]
    [InlineData("application/json; charset=latin1")]
    [InlineData("application/json; charset=utf-16")]
    [InlineData("text/plain")]
    [InlineData("text/plain;charset=UTF-8")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/graphql")]
    public async Task Post_UnsupportedMediaTypeOrCharset_Returns415(string contentType)
    {
        var response = await GraphQLHttp.PostAsync(Client, """{"query":"{ __typename }"}""", contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.Status);
    }

    [Fact]
    public async Task Post_WithoutContentType_Returns415()
    {
        var response = await GraphQLHttp.PostAsync(Client, """{"query":"{ __typename }"}""", contentType: null);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.Status);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{ \"not a JSON")]
    [InlineData("[]")]
    [InlineData("\"query\"")]
    [InlineData("""{"notquery":"{ __typename }"}""")]
    [InlineData("""{"query":{"obj":"ect"}}""")]
    [InlineData("""{"query":0}""")]
    [InlineData("""{"query":false}""")]
    [InlineData("""{"query":["array"]}""")]
    [InlineData("""{"query":null}""")]
    [InlineData("""{"query":"{ __typename }","operationName":0}""")]
    [InlineData("""{"query":"{ __typename }","operationName":{"a":1}}""")]
    [InlineData("""{"query":"{ __typename }","variables":"string"}""")]
    [InlineData("""{"query":"{ __typename }","variables":0}""")]
    [InlineData("""{"query":"{ __typename }","variables":["array"]}""")]
    [InlineData("""{"query":"{ __typename }","extensions":false}""")]
    [InlineData("""{"query":"{ __typename }","extensions":"string"}""")]
    public async Task Post_MalformedBody_Returns400(string body)
    {
        foreach (var accept in new[] { "application/json", GraphQLHttp.GraphQLResponseJson })
        {
            var response = await GraphQLHttp.PostAsync(Client, body, "application/json", accept);

            Assert.Equal(HttpStatusCode.BadRequest, response.Status);
            Assert.Equal("BAD_REQUEST", response.FirstErrorCode);
        }
    }

    [Theory]
    [InlineData("variables")]
    [InlineData("operationName")]
    [InlineData("extensions")]
    public async Task Post_NullOptionalParameter_IsAccepted(string parameter)
    {
        foreach (var accept in new[] { "application/json", GraphQLHttp.GraphQLResponseJson })
        {
            var response = await GraphQLHttp.PostAsync(Client, $$"""{"query":"{ __typename }","{{parameter}}":null}""", "application/json", accept);

            Assert.Equal(HttpStatusCode.OK, response.Status);
            Assert.False(response.Json.TryGetProperty("errors", out _));
        }
    }

    [Fact]
    public async Task Post_VariablesOperationNameAndExtensions_AreUsed()
    {
        var response = await GraphQLHttp.PostJsonAsync(Client, new
        {
            query = "query A { __typename } query B($name: String) { hello(name: $name) }",
            operationName = "B",
            variables = new { name = "Ada" },
            extensions = new { some = "value" },
        });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("Hello, Ada!", response.Json.GetProperty("data").GetProperty("hello").GetString());
    }

    [Fact]
    public async Task Post_Mutation_Executes()
    {
        var response = await GraphQLHttp.PostJsonAsync(Client, new { query = "mutation { setValue(value: \"x\") }" });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("x", response.Json.GetProperty("data").GetProperty("setValue").GetString());
    }

    [Theory]
    [InlineData("{", "SYNTAX_ERROR")]
    [InlineData("{ doesNotExist }", null)]
    public async Task Post_DocumentError_WithGraphQLResponseJson_Returns400WithoutData(string query, string? code)
    {
        var response = await GraphQLHttp.PostJsonAsync(Client, new { query }, GraphQLHttp.GraphQLResponseJson);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.StartsWith(GraphQLHttp.GraphQLResponseJson, response.ContentType, StringComparison.Ordinal);
        Assert.False(response.HasData);
        if (code is not null)
        {
            Assert.Equal(code, response.FirstErrorCode);
        }
    }

    [Theory]
    [InlineData("{")]
    [InlineData("{ doesNotExist }")]
    public async Task Post_DocumentError_WithJson_Returns200(string query)
    {
        var response = await GraphQLHttp.PostJsonAsync(Client, new { query }, "application/json");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.StartsWith("application/json", response.ContentType, StringComparison.Ordinal);
        Assert.True(response.Json.GetProperty("errors").GetArrayLength() > 0);
    }

    [Theory]
    [InlineData(GraphQLHttp.GraphQLResponseJson, HttpStatusCode.BadRequest)]
    [InlineData("application/json", HttpStatusCode.OK)]
    public async Task Post_VariableCoercionFailure_MapsStatusByMediaType(string accept, HttpStatusCode expected)
    {
        var response = await GraphQLHttp.PostAsync(
            Client,
            """{"query":"query CoerceFailure($id: ID!){ __typename }","variables":{"id":null}}""",
            "application/json",
            accept);

        Assert.Equal(expected, response.Status);
        Assert.False(response.HasData);
    }

    [Fact]
    public async Task Post_FieldError_WithGraphQLResponseJson_Returns200WithData()
    {
        var response = await GraphQLHttp.PostJsonAsync(Client, new { query = "{ hello boom }" }, GraphQLHttp.GraphQLResponseJson);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("Hello, world!", response.Json.GetProperty("data").GetProperty("hello").GetString());
    }

    [Theory]
    [InlineData("PATCH")]
    [InlineData("OPTIONS")]
    public async Task OtherMethod_Returns405WithAllow(string method)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), "/graphql");
        var response = await GraphQLHttp.SendAsync(Client, request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.Status);
        Assert.Contains("POST", response.ContentHeaders.Allow);
    }
}
