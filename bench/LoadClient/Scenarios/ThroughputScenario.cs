using System.Text.Json.Nodes;

namespace CollectionStore.Bench.LoadClient.Scenarios;

/// <summary>
/// Scenario 3: N (1,000) subscribers; the mutation rate steps up until p99 passes 50 ms or deliveries fall behind.
/// The answer is the highest deliveries/s of a step that kept p99 ≤ 50 ms with everything delivered; at least
/// three steps run.
/// </summary>
internal static class ThroughputScenario
{
    private const double LimitMs = 50;

    public static async Task<JsonObject> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var n = context.Options.N;
        var writer = new MutationWriter(context.GraphQL, BenchContext.ProjectId, null);
        using var pool = new SubscriberPool();
        await pool.OpenAsync(BenchContext.WsUri(context.Options.Url), n, context.Recorder, i => BenchContext.Variables(i, distinct: false), _ => null, _ => false, cancellationToken);
        await context.Probe.WaitForActiveAsync(n, TimeSpan.FromMinutes(2), cancellationToken);
        await BenchContext.WarmUpAsync(writer, cancellationToken);
        await context.WaitForDeliveriesAsync(3L * n, TimeSpan.FromSeconds(30), cancellationToken);

        double[] rates = context.Options.Quick ? [10, 40] : [5, 10, 20, 40, 60, 80, 100, 140, 200];
        var seconds = context.Options.Quick ? 2 : 4;
        var steps = new JsonArray();
        double best = 0;
        JsonObject? bestStep = null;
        foreach (var rate in rates)
        {
            context.Recorder.Reset();
            var total = (int)(rate * seconds);
            var cpuBefore = context.Probe.CpuSeconds();
            var started = Clock.NowNs();
            await writer.RunAtRateAsync(rate, total, 8, cancellationToken);
            var complete = await context.WaitForDeliveriesAsync((long)total * n, TimeSpan.FromSeconds(5), cancellationToken);
            var cpu = context.Probe.CpuSeconds() - cpuBefore;
            var summary = context.Recorder.Summary();
            var elapsed = Math.Max((context.Recorder.LastArrivalNs - started) / 1e9, seconds);
            var perSecond = Math.Round(summary.Count / elapsed);
            var passed = complete && summary.P99Ms <= LimitMs && writer.Failures == 0;
            var step = new JsonObject
            {
                ["mutationsPerSecond"] = rate,
                ["deliveriesPerSecond"] = perSecond,
                ["delivered"] = summary.Count,
                ["expected"] = (long)total * n,
                ["latency"] = BenchContext.Latency(summary),
                ["cpuUsPerDelivery"] = Math.Round(cpu / Math.Max(1, summary.Count) * 1e6, 2),
                ["passed"] = passed,
            };
            steps.Add(step);

            // At least three steps, so a noisy machine still shows how latency grows with the rate.
            if (!passed)
            {
                if (steps.Count >= 3)
                {
                    break;
                }

                continue;
            }

            if (perSecond > best)
            {
                best = perSecond;
                bestStep = step;
            }
        }

        var after = await context.Probe.SampleAsync(cancellationToken);
        return new JsonObject
        {
            ["subscribers"] = n,
            ["bestDeliveriesPerSecond"] = best,
            ["bestP99Ms"] = bestStep?["latency"]?["p99Ms"]?.GetValue<double>(),
            ["bestMutationsPerSecond"] = bestStep?["mutationsPerSecond"]?.GetValue<double>(),
            ["steps"] = steps,
            ["rssMb"] = BenchContext.Mb(after.RssBytes),
            ["writeFailures"] = writer.Failures,
            ["errors"] = pool.Errors,
        };
    }
}
