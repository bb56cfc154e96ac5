using System.Text.Json.Nodes;

namespace CollectionStore.Bench.LoadClient.Scenarios;

/// <summary>
/// Scenario 7: N subscribers, 10 % stop reading (with a tiny socket receive buffer, so their backlog reaches the
/// server quickly); a steady stream of padded events: the readers' latency and the server's memory.
/// </summary>
internal static class SlowConsumerScenario
{
    private const int Padding = 2000;

    public static async Task<JsonObject> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var n = context.Options.N;
        var paused = n / 10;
        var rate = context.Options.Quick ? 20 : 60;
        var total = rate * (context.Options.Quick ? 5 : 20);
        var writer = new MutationWriter(context.GraphQL, BenchContext.ProjectId, null, Padding);
        using var pool = new SubscriberPool();
        await pool.OpenAsync(BenchContext.WsUri(context.Options.Url), n, context.Recorder, i => BenchContext.Variables(i, distinct: false), _ => null, i => i < paused, cancellationToken);
        await context.Probe.WaitForActiveAsync(n, TimeSpan.FromMinutes(2), cancellationToken);
        await BenchContext.WarmUpAsync(writer, cancellationToken);
        await context.WaitForDeliveriesAsync(3L * n, TimeSpan.FromSeconds(30), cancellationToken);
        for (var i = 0; i < paused; i++)
        {
            pool.Subscribers[i].Pause();
        }

        var before = await context.Probe.SampleAsync(cancellationToken);
        context.Recorder.Reset();
        long peakRss = before.RssBytes;
        using var sampling = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peakRss = Math.Max(peakRss, context.Probe.RssBytes());
                await Task.Delay(200, CancellationToken.None);
            }
        }, CancellationToken.None);
        await writer.RunAtRateAsync(rate, total, 8, cancellationToken);
        var expected = (long)(n - paused) * total;
        var complete = await context.WaitForDeliveriesAsync(expected, TimeSpan.FromSeconds(15), cancellationToken);
        await sampling.CancelAsync();
        await sampler;
        var after = await context.Probe.SampleAsync(cancellationToken);
        return new JsonObject
        {
            ["subscribers"] = n,
            ["paused"] = paused,
            ["mutations"] = total,
            ["payloadBytes"] = Padding,
            ["readersDelivered"] = context.Recorder.Deliveries,
            ["readersExpected"] = expected,
            ["complete"] = complete,
            ["readersLatency"] = BenchContext.Latency(context.Recorder.Summary()),
            ["rssBeforeMb"] = BenchContext.Mb(before.RssBytes),
            ["rssPeakMb"] = BenchContext.Mb(peakRss),
            ["rssAfterMb"] = BenchContext.Mb(after.RssBytes),
            ["heapAfterMb"] = BenchContext.Mb(after.HeapBytes),
            ["slowConsumersEnded"] = after.SlowConsumers - before.SlowConsumers,
            ["writeFailures"] = writer.Failures,
        };
    }
}
