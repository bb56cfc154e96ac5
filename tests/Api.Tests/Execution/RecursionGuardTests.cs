using System.Net;
using CollectionStore.Api.Tests.Infrastructure;

namespace CollectionStore.Api.Tests.Execution;

/// <summary>Deeply nested documents and values get an error, never a stack overflow.</summary>
public sealed class RecursionGuardTests
{
    public static TheoryData<string> DeepDocuments => new()
    {
        Nested("{node", "{a", "}", 14_000),
        Nested("{echo(list:", "[", "]", 21_000) + ")}",
        Nested("{echo(input:", "{child:", "}", 5_200) + ")}",
        Nested("query($v:", "[", "]", 21_000) + "String){__typename}",
    };

    [Theory]
    [MemberData(nameof(DeepDocuments))]
    public async Task DeepDocument_WithTokenLimitLifted_HitsParserGuard(string query)
    {
        await using var server = await ApiServer.StartAsync(new Dictionary<string, string?>
        {
            ["Limits:MaxTokens"] = "1000000",
        });

        var response = await GraphQLHttp.PostJsonAsync(server.Client, new { query }, GraphQLHttp.GraphQLResponseJson);

        Assert.InRange(query.Length, 40_000, 64 * 1024);
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("MAX_PARSER_DEPTH_EXCEEDED", response.FirstErrorCode);
        var after = await GraphQLHttp.PostJsonAsync(server.Client, new { query = "{ __typename }" });
        Assert.Equal(HttpStatusCode.OK, after.Status);
    }

    [Fact]
    public async Task DeepDocument_WithDefaultLimits_GetsAnError()
    {
        await using var server = await ApiServer.StartAsync();
        var query = Nested("{node", "{a", "}", 14_000);

        var response = await GraphQLHttp.PostJsonAsync(server.Client, new { query }, GraphQLHttp.GraphQLResponseJson);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.True(response.FirstErrorCode is "MAX_TOKENS_EXCEEDED" or "MAX_PARSER_DEPTH_EXCEEDED", response.FirstErrorCode);
    }

    private static string Nested(string prefix, string open, string close, int levels) =>
        prefix + string.Concat(Enumerable.Repeat(open, levels)) + "value" + string.Concat(Enumerable.Repeat(close, levels)) + close;
}
