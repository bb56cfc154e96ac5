using System.Net;
using System.Text;
using CollectionStore.Api.Tests.Infrastructure;

namespace CollectionStore.Api.Tests.Execution;

public sealed class DocumentLimitsTests(LimitsServerFixture fixture) : IClassFixture<LimitsServerFixture>
{
    private HttpClient Client => fixture.Server.Client;

    [Fact]
    public async Task Depth_AtLimit_Executes()
    {
        var response = await PostAsync("{ node { a { a { a { value } } } } }");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.True(response.HasData);
    }

    [Fact]
    public async Task Depth_ThroughFragments_IsRejected()
    {
        const string query = """
            { node { ...A } }
            fragment A on Node { a { ...B } }
            fragment B on Node { a { a { ... on Node { a { value } } } } }
            """;

        var response = await PostAsync(query);

        AssertLimitError(response, "MAX_DEPTH_EXCEEDED");
    }

    [Fact]
    public async Task Complexity_OverBudget_IsRejected()
    {
        var response = await PostAsync("{ nodes { items { items { value a { value } } } } }");

        AssertLimitError(response, "MAX_COMPLEXITY_EXCEEDED");
    }

    [Fact]
    public async Task Aliases_OverLimit_AreRejected()
    {
        var response = await PostAsync("{ a1: hello a2: hello a3: hello a4: hello }");

        AssertLimitError(response, "MAX_ALIASES_EXCEEDED");
    }

    [Fact]
    public async Task Aliases_AtLimit_Execute()
    {
        var response = await PostAsync("{ a1: hello a2: hello a3: hello }");

        Assert.Equal(HttpStatusCode.OK, response.Status);
    }

    [Fact]
    public async Task DocumentSize_OverLimit_IsRejectedBeforeParsing()
    {
        var query = "{ hello }" + new string(' ', LimitsServerFixture.MaxDocumentBytes);

        var response = await PostAsync(query);

        AssertLimitError(response, "DOCUMENT_TOO_LARGE");
    }

    [Fact]
    public async Task Tokens_OverLimit_AreRejected()
    {
        var query = "{ " + string.Concat(Enumerable.Repeat("a ", LimitsServerFixture.MaxTokens)) + "}";

        var response = await PostAsync(query);

        AssertLimitError(response, "MAX_TOKENS_EXCEEDED");
    }

    [Fact]
    public async Task VariablesJson_NestedTooDeep_IsRejected()
    {
        var nested = new StringBuilder();
        for (var i = 0; i < 5000; i++)
        {
            nested.Append("{\"child\":");
        }

        nested.Append("null").Append('}', 5000);
        var body = "{\"query\":\"query($in: EchoInput) { echo(input: $in) }\",\"variables\":{\"in\":" + nested + "}}";

        var response = await GraphQLHttp.PostAsync(Client, body, "application/json", GraphQLHttp.GraphQLResponseJson);

        AssertLimitError(response, "MAX_VARIABLES_DEPTH_EXCEEDED");
    }

    [Fact]
    public async Task FragmentCycle_IsRejectedAtValidation()
    {
        var response = await PostAsync("{ node { ...A } } fragment A on Node { a { ...B } } fragment B on Node { a { ...A } }");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.False(response.HasData);
    }

    private Task<GraphQLResponse> PostAsync(string query) =>
        GraphQLHttp.PostJsonAsync(Client, new { query }, GraphQLHttp.GraphQLResponseJson);

    private static void AssertLimitError(GraphQLResponse response, string code)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.False(response.HasData);
        Assert.Equal(code, response.FirstErrorCode);
    }
}
