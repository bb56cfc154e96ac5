using System.Text.Json.Nodes;
using CollectionStore.Api.Subscriptions;
using CollectionStore.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CollectionStore.Api.Tests.AccessControl.Queries;

/// <summary>Field-level rules on change events: the event's document uses the same output types as queries.</summary>
public sealed class EventFieldMaskingTests(AccessFixture fixture) : IClassFixture<AccessFixture>
{
    [Fact]
    public async Task TaskChanged_EstimateForAMember_IsNullWithForbidden_ForTheOwner_IsDelivered()
    {
        var metrics = fixture.Server.Services.GetRequiredService<SubscriptionMetrics>();
        var active = metrics.Active;
        await using var bob = await SubscribeAsync("bob", "subscription Bob { taskChanged(where: { title: { eq: \"event\" } }) { task { id title estimate } } }");
        await using var carol = await SubscribeAsync("carol", "subscription Carol { taskChanged(where: { title: { eq: \"event\" } }) { task { id title estimate } } }");
        await Eventually.HoldsAsync(() => metrics.Active >= active + 2, "both subscriptions to be live");

        await fixture.CreateAsync("Task", "event-1", new JsonObject { ["projectId"] = "P2", ["title"] = "event", ["estimate"] = 4.5 });

        var bobPayload = (await bob.ReceiveTypeAsync("next"))["payload"]!;
        var carolPayload = (await carol.ReceiveTypeAsync("next"))["payload"]!;
        Assert.Equal("event", (string?)bobPayload["data"]!["taskChanged"]!["task"]!["title"]);
        Assert.Null(bobPayload["data"]!["taskChanged"]!["task"]!["estimate"]);
        Assert.Equal("FORBIDDEN", (string?)bobPayload["errors"]![0]!["extensions"]!["code"]);
        Assert.Equal("[\"taskChanged\",\"task\",\"estimate\"]", bobPayload["errors"]![0]!["path"]!.ToJsonString());
        Assert.Equal(4.5, (double)carolPayload["data"]!["taskChanged"]!["task"]!["estimate"]!);
        Assert.Null(carolPayload["errors"]);
    }

    private async Task<WsClient> SubscribeAsync(string user, string query)
    {
        var client = await WsClient.ConnectAsync(fixture.Server.BaseAddress);
        await client.InitAsync(new { Authorization = $"Bearer {fixture.Tokens[user]}" });
        await client.SendAsync(new { id = "1", type = "subscribe", payload = new { query } });
        return client;
    }
}
