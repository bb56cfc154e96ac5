using System.Text.Json.Nodes;
using CollectionStore.Api.Tests.Infrastructure;

namespace CollectionStore.Api.Tests.Subscriptions;

public sealed class MetricsEndpointTests
{
    [Fact]
    public async Task Metrics_WithALiveSubscription_ReportsMembersCohortsAndExecutionsAsJson()
    {
        await using var harness = await EngineHarness.StartAsync();
        var project = await harness.CreateProjectAsync("p");
        var sinks = new[] { new TestSink(), new TestSink() };
        await using var a = await harness.SubscribeAsync("subscription { taskChanged { sequence } }", sinks[0]);
        await using var b = await harness.SubscribeAsync("subscription { taskChanged { sequence } }", sinks[1]);
        await harness.CreateTaskAsync(project, "t");
        await Eventually.HoldsAsync(() => sinks.All(s => s.Events.Count == 1), "both events");

        using var response = await harness.Server.Client.GetAsync(new Uri("/metrics", UriKind.Relative));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(2, (long)body["subscriptions"]!["active"]!);
        Assert.Equal(1, (long)body["subscriptions"]!["cohorts"]!);
        Assert.Equal(1, (long)body["subscriptions"]!["executions"]!);
        Assert.Equal(2, (long)body["subscriptions"]!["deliveries"]!);
    }

    [Fact]
    public async Task Options_SendQueueCapacityZero_FailsAtStart()
    {
        var failure = await Record.ExceptionAsync(() => EngineHarness.StartAsync(new Dictionary<string, string?> { ["Subscriptions:SendQueueCapacity"] = "0" }));

        Assert.IsType<Microsoft.Extensions.Options.OptionsValidationException>(failure);
    }
}
