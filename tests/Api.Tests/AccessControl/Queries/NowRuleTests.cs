using System.Text.Json.Nodes;
using CollectionStore.Api.Tests.Infrastructure;
using CollectionStore.Domain.Store;
using Microsoft.Extensions.DependencyInjection;

namespace CollectionStore.Api.Tests.AccessControl.Queries;

/// <summary>A rule on <c>$now</c>: it binds to the request's time, on lists and by id alike.</summary>
public sealed class NowRuleTests
{
    private const string Model = """
        type Post @collection @allow(to: [READ], roles: ["anonymous"], where: { publishAt: { lte: "$now" } }) {
          title: String!
          publishAt: DateTime!
        }
        """;

    [Fact]
    public async Task NowRule_PublishedAndScheduledPosts_OnlyThePublishedOnesAreReadable()
    {
        await using var server = await ApiServer.StartAsync(useTestSchema: false, modelSdl: Model);
        var store = server.Services.GetRequiredService<IDocumentStore>();
        await store.CreateAsync("Post", "past", new JsonObject { ["title"] = "out", ["publishAt"] = "2000-01-01T00:00:00Z" }, WriteOptions.Anonymous, CancellationToken.None);
        await store.CreateAsync("Post", "future", new JsonObject { ["title"] = "soon", ["publishAt"] = "2999-01-01T00:00:00Z" }, WriteOptions.Anonymous, CancellationToken.None);

        var response = await AccessFixture.PostAsync(server.Client, "{ posts { totalCount nodes { id } } past: post(id: \"past\") { id } future: post(id: \"future\") { id } }");

        Assert.Equal("{\"data\":{\"posts\":{\"totalCount\":1,\"nodes\":[{\"id\":\"past\"}]},\"past\":{\"id\":\"past\"},\"future\":null}}", response.GetRawText());
    }
}
