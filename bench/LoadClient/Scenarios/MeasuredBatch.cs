using System.Text.Json.Nodes;

namespace CollectionStore.Bench.LoadClient.Scenarios;

/// <summary>
/// Sends a fixed number of mutations at a modest rate to subscribers that are already live, and reports what the
/// server spent on them: executions per event and per delivery (from /metrics), CPU per delivery, latency.
/// </summary>
internal static class MeasuredBatch
{
    public static async Task<JsonObject> RunAsync(
        BenchContext context, MutationWriter writer, int subscribers, int mutations, double rate, CancellationToken cancellationToken)
    {
        await BenchContext.WarmUpAsync(writer, cancellationToken);
        await context.WaitForDeliveriesAsync(3L * subscribers, TimeSpan.FromSeconds(30), cancellationToken);
        var before = await context.Probe.SampleAsync(cancellationToken);
        context.Recorder.Reset();
        await writer.RunAtRateAsync(rate, mutations, 4, cancellationToken);
        var complete = await context.WaitForDeliveriesAsync((long)mutations * subscribers, TimeSpan.FromSeconds(30), cancellationToken);
        var after = await context.Probe.SampleAsync(cancellationToken);
        var summary = context.Recorder.Summary();
        var executions = after.Executions - before.Executions;
        return new JsonObject
        {
            ["subscribers"] = subscribers,
            ["mutations"] = mutations,
            ["deliveries"] = summary.Count,
            ["complete"] = complete,
            ["cohorts"] = after.Cohorts,
            ["executionsPerEvent"] = Math.Round(executions / (double)mutations, 2),
            ["executionsPerDelivery"] = Math.Round(executions / Math.Max(1.0, summary.Count), 4),
            ["cpuUsPerDelivery"] = Math.Round((after.CpuSeconds - before.CpuSeconds) / Math.Max(1, summary.Count) * 1e6, 2),
            ["latency"] = BenchContext.Latency(summary),
            ["rssMb"] = BenchContext.Mb(after.RssBytes),
            ["writeFailures"] = writer.Failures,
        };
    }
}
