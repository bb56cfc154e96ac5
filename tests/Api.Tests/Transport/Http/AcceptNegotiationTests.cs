using System.Net;
using CollectionStore.Api.Tests.Infrastructure;
using CollectionStore.Api.Transport.Http;

namespace CollectionStore.Api.Tests.Transport.Http;

[Collection(DefaultServerGroup.Name)]
public sealed class AcceptNegotiationTests(DefaultServerFixture fixture)
{
    [Theory]
    [InlineData(null, "application/json; charset=utf-8")]
    [InlineData("*/*", "application/json; charset=utf-8")]
    [InlineData("application/json", "application/json; charset=utf-8")]
    [InlineData("application/json, multipart/mixed", "application/json; charset=utf-8")]
    [InlineData("application/graphql-response+json", "application/graphql-response+json; charset=utf-8")]
    [InlineData("application/graphql-response+json, application/json", "application/graphql-response+json; charset=utf-8")]
    [InlineData("application/json, application/graphql-response+json", "application/graphql-response+json; charset=utf-8")]
    [InlineData("application/json;q=1, application/graphql-response+json;q=0.9", "application/json; charset=utf-8")]
    [InlineData("application/graphql-response+json;q=0, application/json;q=0.1", "application/json; charset=utf-8")]
    [InlineData("text/html, */*;q=0.1", "application/json; charset=utf-8")]
    public async Task Post_Accept_SelectsResponseType(string? accept, string expected)
    {
        var response = await GraphQLHttp.PostJsonAsync(fixture.Server.Client, new { query = "{ __typename }" }, accept);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(expected, response.ContentType);
    }

    [Theory]
    [InlineData("text/html")]
    [InlineData("application/xml")]
    [InlineData("application/json;q=0")]
    public async Task Post_NothingAcceptable_Returns406(string accept)
    {
        var response = await GraphQLHttp.PostJsonAsync(fixture.Server.Client, new { query = "{ __typename }" }, accept);

        Assert.Equal(HttpStatusCode.NotAcceptable, response.Status);
    }

    [Fact]
    public async Task Get_NothingAcceptable_Returns406()
    {
        var response = await GraphQLHttp.GetAsync(fixture.Server.Client, GraphQLHttp.Query("{ __typename }"), "image/png");

        Assert.Equal(HttpStatusCode.NotAcceptable, response.Status);
    }

    [Fact]
    public void Select_EqualQuality_PrefersGraphQLResponseJson() =>
        Assert.Equal(ResponseMediaType.GraphQLResponseJson, AcceptNegotiation.Select("application/json;q=0.5, application/graphql-response+json;q=0.5"));

    [Fact]
    public void StatusProfile_RequestErrorByMediaType_Maps400Or200()
    {
        var outcome = new Api.Execution.GraphQLExecutionOutcome(new GraphQL.ExecutionResult(), Api.Execution.ExecutionOutcomeKind.RequestError, null);

        Assert.Equal(400, GraphQLHttpStatusProfile.Current.ForOutcome(outcome, ResponseMediaType.GraphQLResponseJson));
        Assert.Equal(200, GraphQLHttpStatusProfile.Current.ForOutcome(outcome, ResponseMediaType.Json));
    }
}
