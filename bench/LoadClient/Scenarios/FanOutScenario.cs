using System.Text.Json.Nodes;

namespace CollectionStore.Bench.LoadClient.Scenarios;

/// <summary>
/// Scenario 2: one change to N subscribers of one filter: time until the last one has it (single changes, one at
/// a time), then deliveries per second at saturation (a burst of mutations as fast as the writers go).
/// </summary>
internal static class FanOutScenario
{
    public static async Task<JsonObject> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var n = context.Options.N;
        var writer = new MutationWriter(context.GraphQL, BenchContext.ProjectId, null);
        using var pool = new SubscriberPool();
        await pool.OpenAsync(BenchContext.WsUri(context.Options.Url), n, context.Recorder, i => BenchContext.Variables(i, distinct: false), _ => null, _ => false, cancellationToken);
        await context.Probe.WaitForActiveAsync(n, TimeSpan.FromMinutes(2), cancellationToken);
        await BenchContext.WarmUpAsync(writer, cancellationToken);
        await context.WaitForDeliveriesAsync(3L * n, TimeSpan.FromSeconds(30), cancellationToken);

        var single = new List<double>();
        for (var round = 0; round < (context.Options.Quick ? 3 : 7); round++)
        {
            context.Recorder.Reset();
            var sent = await writer.CreateAsync(cancellationToken);
            if (!await context.WaitForDeliveriesAsync(n, TimeSpan.FromSeconds(30), cancellationToken))
            {
                throw new TimeoutException($"a single change reached {context.Recorder.Deliveries} of {n} subscribers");
            }

            single.Add((context.Recorder.LastArrivalNs - sent) / 1e6);
        }

        single.Sort();
        var burst = context.Options.Burst ?? (int)Math.Clamp((context.Options.Quick ? 50_000 : 200_000) / n, 10, 1000);
        context.Recorder.Reset();
        var cpuBefore = context.Probe.CpuSeconds();
        var started = Clock.NowNs();
        await writer.RunAtRateAsync(1_000_000, burst, 8, cancellationToken);
        var complete = await context.WaitForDeliveriesAsync((long)burst * n, TimeSpan.FromSeconds(60), cancellationToken);
        var cpu = context.Probe.CpuSeconds() - cpuBefore;
        var summary = context.Recorder.Summary();
        var seconds = (context.Recorder.LastArrivalNs - started) / 1e9;
        var after = await context.Probe.SampleAsync(cancellationToken);
        return new JsonObject
        {
            ["subscribers"] = n,
            ["timeToLastMsMedian"] = Math.Round(single[single.Count / 2], 1),
            ["timeToLastMsBest"] = Math.Round(single[0], 1),
            ["timeToLastMsWorst"] = Math.Round(single[^1], 1),
            ["burstMutations"] = burst,
            ["burstDeliveries"] = summary.Count,
            ["burstComplete"] = complete,
            ["deliveriesPerSecond"] = Math.Round(summary.Count / seconds),
            ["cpuUsPerDelivery"] = Math.Round(cpu / Math.Max(1, summary.Count) * 1e6, 2),
            ["burstLatency"] = BenchContext.Latency(summary),
            ["rssMb"] = BenchContext.Mb(after.RssBytes),
            ["writeFailures"] = writer.Failures,
            ["errors"] = pool.Errors,
        };
    }
}
