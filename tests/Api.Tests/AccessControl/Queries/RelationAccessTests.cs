using System.Text.Json;
using System.Text.Json.Nodes;
using CollectionStore.Api.Tests.Infrastructure;
using CollectionStore.Authorization.Identity;
using CollectionStore.Domain.Store;
using Microsoft.Extensions.DependencyInjection;

namespace CollectionStore.Api.Tests.AccessControl.Queries;

/// <summary>
/// Relations whose two ends have independent rules: each user reads only their own folders and documents, so a
/// readable document can point at a forbidden folder and a readable folder can hold forbidden documents.
/// </summary>
public sealed class RelationAccessTests : IAsyncLifetime
{
    private const string Model = """
        type Folder @collection @allow(to: [READ], where: { ownerId: { eq: "$subject.id" } }) {
          name: String!
          ownerId: ID!
          docs: [Doc!]! @hasMany(field: "folderId")
        }

        type Doc @collection @allow(to: [READ], where: { ownerId: { eq: "$subject.id" } }) {
          folderId: ID @index
          folder: Folder @belongsTo(field: "folderId")
          ownerId: ID!
          title: String!
        }
        """;

    private ApiServer _server = null!;
    private HttpClient _alice = null!;
    private HttpClient _bob = null!;

    public async Task InitializeAsync()
    {
        _server = await ApiServer.StartAsync(useTestSchema: false, modelSdl: Model);
        var identity = _server.Services.GetRequiredService<IIdentityService>();
        var admin = await identity.LoginAsync("admin", ApiServer.AdminPassword, ClientInfo.Unknown, CancellationToken.None);
        var actor = new Actor(admin.User.Id, admin.Session.Id, admin.User.Roles);
        var alice = await identity.CreateUserAsync(actor, new NewUser("alice", "alice-password", [], null), ClientInfo.Unknown, CancellationToken.None);
        var bob = await identity.CreateUserAsync(actor, new NewUser("bob", "bob-password", [], null), ClientInfo.Unknown, CancellationToken.None);
        _alice = _server.CreateClient((await identity.LoginAsync("alice", "alice-password", ClientInfo.Unknown, CancellationToken.None)).AccessToken);
        _bob = _server.CreateClient((await identity.LoginAsync("bob", "bob-password", ClientInfo.Unknown, CancellationToken.None)).AccessToken);
        var store = _server.Services.GetRequiredService<IDocumentStore>();
        await store.CreateAsync("Folder", "F1", new JsonObject { ["name"] = "alice's", ["ownerId"] = alice.Id }, WriteOptions.Anonymous, CancellationToken.None);
        await store.CreateAsync("Doc", "D1", new JsonObject { ["folderId"] = "F1", ["ownerId"] = alice.Id, ["title"] = "a" }, WriteOptions.Anonymous, CancellationToken.None);
        await store.CreateAsync("Doc", "D2", new JsonObject { ["folderId"] = "F1", ["ownerId"] = bob.Id, ["title"] = "b" }, WriteOptions.Anonymous, CancellationToken.None);
        await store.CreateAsync("Doc", "D3", new JsonObject { ["folderId"] = "F1", ["ownerId"] = alice.Id, ["title"] = "c" }, WriteOptions.Anonymous, CancellationToken.None);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task BelongsTo_ForbiddenTarget_IsNullLikeAMissingOne()
    {
        var response = await AccessFixture.PostAsync(_bob, "{ docs { nodes { id folder { id name } } } }");

        Assert.Equal("{\"data\":{\"docs\":{\"nodes\":[{\"id\":\"D2\",\"folder\":null}]}}}", response.GetRawText());
    }

    [Fact]
    public async Task BelongsTo_ReadableTarget_IsDelivered()
    {
        var response = await AccessFixture.PostAsync(_alice, "{ doc(id: \"D1\") { folder { name } } }");

        Assert.Equal("alice's", response.GetProperty("data").GetProperty("doc").GetProperty("folder").GetProperty("name").GetString());
    }

    [Fact]
    public async Task HasMany_ForbiddenRows_AreNeitherListedNorCountedAndPagingSkipsThem()
    {
        var first = await AccessFixture.PostAsync(_alice, "{ folder(id: \"F1\") { docs(first: 1) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } } }");
        var docs = first.GetProperty("data").GetProperty("folder").GetProperty("docs");
        var after = docs.GetProperty("pageInfo").GetProperty("endCursor").GetString();
        var second = await AccessFixture.PostAsync(_alice, "query($after: String) { folder(id: \"F1\") { docs(first: 1, after: $after) { pageInfo { hasNextPage } nodes { id } } } }", new { after });

        Assert.Equal(2, docs.GetProperty("totalCount").GetInt32());
        Assert.Equal("D1", docs.GetProperty("nodes")[0].GetProperty("id").GetString());
        var next = second.GetProperty("data").GetProperty("folder").GetProperty("docs");
        Assert.Equal("D3", next.GetProperty("nodes")[0].GetProperty("id").GetString());
        Assert.False(next.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.Equal(JsonValueKind.Null, (await AccessFixture.PostAsync(_bob, "{ folder(id: \"F1\") { id } }")).GetProperty("data").GetProperty("folder").ValueKind);
    }
}
