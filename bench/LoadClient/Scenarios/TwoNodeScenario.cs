using System.Text.Json.Nodes;

namespace CollectionStore.Bench.LoadClient.Scenarios;

/// <summary>
/// Scenario 6: two Collection Store nodes sharing one store and a Redis bus; subscribers on the second node,
/// mutations sent to the first: cross-node latency.
/// </summary>
internal static class TwoNodeScenario
{
    public static async Task<JsonObject> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var second = context.Options.SecondUrl ?? throw new ArgumentException("--second-url is required");
        var n = context.Options.N;
        using var pool = new SubscriberPool();
        await pool.OpenAsync(BenchContext.WsUri(second), n, context.Recorder, i => BenchContext.Variables(i, distinct: false), _ => null, _ => false, cancellationToken);
        using var secondHttp = new HttpClient();
        await new ServerProbe(secondHttp, second, Environment.ProcessId).WaitForActiveAsync(n, TimeSpan.FromMinutes(2), cancellationToken);
        context.Recorder.Reset();
        var writer = new MutationWriter(context.GraphQL, BenchContext.ProjectId, null);
        var mutations = context.Options.Quick ? 20 : 100;
        await BenchContext.WarmUpAsync(writer, cancellationToken);
        await context.WaitForDeliveriesAsync(3L * n, TimeSpan.FromSeconds(30), cancellationToken);
        context.Recorder.Reset();
        await writer.RunAtRateAsync(10, mutations, 4, cancellationToken);
        var complete = await context.WaitForDeliveriesAsync((long)mutations * n, TimeSpan.FromSeconds(30), cancellationToken);
        return new JsonObject
        {
            ["subscribers"] = n,
            ["mutations"] = mutations,
            ["complete"] = complete,
            ["crossNodeLatency"] = BenchContext.Latency(context.Recorder.Summary()),
            ["writeFailures"] = writer.Failures,
            ["errors"] = pool.Errors,
        };
    }
}
