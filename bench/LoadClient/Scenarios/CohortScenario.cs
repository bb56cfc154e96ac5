using System.Text.Json.Nodes;

namespace CollectionStore.Bench.LoadClient.Scenarios;

/// <summary>Scenario 4: N (1,000) identical subscriptions, then N distinct ones, on one server: executions per event and CPU per delivery.</summary>
internal static class CohortScenario
{
    public static async Task<JsonObject> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var n = context.Options.N;
        var mutations = context.Options.Quick ? 5 : 20;
        var result = new JsonObject();
        foreach (var distinct in new[] { false, true })
        {
            var writer = new MutationWriter(context.GraphQL, BenchContext.ProjectId, null);
            using (var pool = new SubscriberPool())
            {
                await pool.OpenAsync(BenchContext.WsUri(context.Options.Url), n, context.Recorder, i => BenchContext.Variables(i, distinct), _ => null, _ => false, cancellationToken);
                await context.Probe.WaitForActiveAsync(n, TimeSpan.FromMinutes(2), cancellationToken);
                context.Recorder.Reset();
                var batch = await MeasuredBatch.RunAsync(context, writer, n, mutations, 10, cancellationToken);
                batch["errors"] = pool.Errors;
                result[distinct ? "distinct" : "identical"] = batch;
            }

            await WaitForNoSubscriptionsAsync(context, cancellationToken);
        }

        return result;
    }

    private static async Task WaitForNoSubscriptionsAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while ((await context.Probe.SampleAsync(cancellationToken)).Active > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, cancellationToken);
        }
    }
}
