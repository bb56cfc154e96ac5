using System.Diagnostics;
using System.Net.Http.Headers;
using CollectionStore.Api.Tests.Cluster.Infrastructure;
using CollectionStore.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace CollectionStore.Api.Tests.Cluster;

/// <summary>A user changed through one node is evaluated again by the live subscriptions on the other.</summary>
[Collection(ClusterGroup.Name)]
public sealed class ScaleOutIdentityTests(ITestOutputHelper output)
{
    private const string ReaderModel = """
        enum Action { READ CREATE UPDATE DELETE }
        directive @allow(to: [Action!]!, roles: [String!], where: JSON, fields: [String!]) repeatable on OBJECT | FIELD_DEFINITION
        directive @role(name: String!, inherits: [String!]) repeatable on SCHEMA

        extend schema @role(name: "reader")

        type Note @collection @allow(to: [READ, CREATE], roles: ["reader"]) {
          text: String!
        }
        """;

    [Fact]
    public async Task RolesRemoved_ThroughNodeA_EndTheUsersSubscriptionOnNodeBWithForbiddenWithinTwoSeconds()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var nodes = await TwoNodes.StartAsync(redis.ConnectionString, ReaderModel);
        await ClusterChecks.WaitUntilBusConnectedAsync(nodes.A, nodes.B);
        using var admin = Authorized(nodes.A, await TwoNodes.LoginAdminAsync(nodes.A));
        var created = await GraphQLHttp.PostJsonAsync(admin, new
        {
            query = "mutation { createUser(input: { username: \"bob\", password: \"bob-password-123\", roles: [\"reader\"] }) { id } }",
        });
        var bobId = created.Json.GetProperty("data").GetProperty("createUser").GetProperty("id").GetString();
        var bobToken = await TwoNodes.LoginAsync(nodes.B, "bob", "bob-password-123");

        await using var client = await WsClient.ConnectAsync(nodes.B.BaseUrl);
        await client.InitAsync(new { Authorization = $"Bearer {bobToken}" });
        await client.SendAsync(new { id = "notes", type = "subscribe", payload = new { query = "subscription { noteChanged { sequence } }" } });

        // A change bob may read arrives first: the subscription is live on node B before his roles change.
        using var bob = Authorized(nodes.B, bobToken);
        var note = await GraphQLHttp.PostJsonAsync(bob, new { query = "mutation { createNote(input: { text: \"mine\" }) { id } }" });
        Assert.True(note.Json.TryGetProperty("data", out _), note.Text);
        await client.ReceiveTypeAsync("next");

        var watch = Stopwatch.StartNew();
        var update = await GraphQLHttp.PostJsonAsync(admin, new
        {
            query = "mutation($id: ID!) { updateUser(id: $id, input: { roles: [] }) { id } }",
            variables = new { id = bobId },
        });
        Assert.True(update.Json.TryGetProperty("data", out _), update.Text);
        var error = await client.ReceiveTypeAsync("error");
        output.WriteLine($"node B ended the subscription {watch.ElapsedMilliseconds} ms after the role change through node A");

        Assert.Equal("notes", (string?)error["id"]);
        Assert.Equal("FORBIDDEN", (string?)error["payload"]![0]!["extensions"]!["code"]);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.ElapsedMilliseconds} ms");
    }

    private static HttpClient Authorized(ClusterNode node, string token)
    {
        var client = new HttpClient { BaseAddress = node.BaseUrl };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
