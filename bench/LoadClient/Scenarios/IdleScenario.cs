using System.Text.Json.Nodes;

namespace CollectionStore.Bench.LoadClient.Scenarios;

/// <summary>Scenario 1: N connections with one subscription each, held idle: connect time and memory per connection.</summary>
internal static class IdleScenario
{
    public static async Task<JsonObject> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var n = context.Options.N;
        var writer = new MutationWriter(context.GraphQL, BenchContext.ProjectId, null);
        await BenchContext.WarmUpAsync(writer, cancellationToken);
        await Task.Delay(1000, cancellationToken);
        var before = await context.Probe.SampleAsync(cancellationToken);

        using var pool = new SubscriberPool();
        var connectSeconds = await pool.OpenAsync(
            BenchContext.WsUri(context.Options.Url), n, context.Recorder, i => BenchContext.Variables(i, distinct: false), _ => null, _ => false, cancellationToken);
        await context.Probe.WaitForActiveAsync(n, TimeSpan.FromMinutes(2), cancellationToken);
        var subscribedSeconds = connectSeconds;
        await Task.Delay(2000, cancellationToken);
        var after = await context.Probe.SampleAsync(cancellationToken);

        // Every held subscription is live: one change reaches all of them.
        context.Recorder.Reset();
        await writer.CreateAsync(cancellationToken);
        var allDelivered = await context.WaitForDeliveriesAsync(n, TimeSpan.FromSeconds(30), cancellationToken);

        // Keeps the connections open for a look at the server from outside (a heap dump, counters).
        await Task.Delay(TimeSpan.FromSeconds(context.Options.HoldSeconds), cancellationToken);
        return new JsonObject
        {
            ["connections"] = n,
            ["connectSeconds"] = Math.Round(subscribedSeconds, 2),
            ["connectsPerSecond"] = Math.Round(n / subscribedSeconds),
            ["rssBeforeMb"] = BenchContext.Mb(before.RssBytes),
            ["rssAfterMb"] = BenchContext.Mb(after.RssBytes),
            ["heapAfterMb"] = BenchContext.Mb(after.HeapBytes),
            ["rssPerConnectionKb"] = Math.Round((after.RssBytes - before.RssBytes) / 1024.0 / n, 1),
            ["heapPerConnectionKb"] = Math.Round((after.HeapBytes - before.HeapBytes) / 1024.0 / n, 1),
            ["serverConnections"] = after.Connections,
            ["allDelivered"] = allDelivered,
            ["errors"] = pool.Errors,
        };
    }
}
