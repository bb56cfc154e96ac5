using System.Globalization;
using System.Text.Json.Nodes;

namespace CollectionStore.Bench.LoadClient.Scenarios;

/// <summary>
/// Scenario 8: two nodes on one store (an SQLite file or a PostgreSQL database, named by <c>--server</c>) through
/// Redis, N subscribers split over both nodes. With subscribers, mutations sent to the first node at a fixed rate
/// give the latency to the subscribers on the second (cross-node) and on the first (same node). Then writers split
/// over both nodes send single-document mutations back to back: mutations/s and each mutation's round trip.
/// </summary>
internal static class StoreProviderScenario
{
    private const int WritersPerNode = 4;
    private const double DeliveryRate = 20;

    public static async Task<JsonObject> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var second = context.Options.SecondUrl ?? throw new ArgumentException("--second-url is required");
        var quick = context.Options.Quick;
        var load = LoadAverage();
        using var secondHttp = new HttpClient(new SocketsHttpHandler { UseProxy = false, MaxConnectionsPerServer = 64 }) { Timeout = TimeSpan.FromSeconds(60) };
        var nodes = new Nodes(
            new MutationWriter(context.GraphQL, BenchContext.ProjectId, null),
            new MutationWriter(new GraphQLHttp(secondHttp, second), BenchContext.ProjectId, null),
            new LatencyRecorder(),
            context.Recorder,
            context.Options.N / 2,
            context.Options.N - (context.Options.N / 2));
        using var firstPool = new SubscriberPool();
        using var secondPool = new SubscriberPool();
        if (context.Options.N > 0)
        {
            await firstPool.OpenAsync(BenchContext.WsUri(context.Options.Url), nodes.OnFirst, nodes.FirstRecorder, i => BenchContext.Variables(i, distinct: false), _ => null, _ => false, cancellationToken);
            await secondPool.OpenAsync(BenchContext.WsUri(second), nodes.OnSecond, nodes.SecondRecorder, i => BenchContext.Variables(i, distinct: false), _ => null, _ => false, cancellationToken);
            await context.Probe.WaitForActiveAsync(nodes.OnFirst, TimeSpan.FromMinutes(2), cancellationToken);
            await new ServerProbe(secondHttp, second, Environment.ProcessId).WaitForActiveAsync(nodes.OnSecond, TimeSpan.FromMinutes(2), cancellationToken);
        }

        await BenchContext.WarmUpAsync(nodes.First, cancellationToken);
        await BenchContext.WarmUpAsync(nodes.Second, cancellationToken);
        await nodes.WaitForDeliveriesAsync(6, TimeSpan.FromSeconds(30), cancellationToken);
        var result = new JsonObject
        {
            ["provider"] = context.Options.Server,
            ["subscribers"] = context.Options.N,
            ["subscribersPerNode"] = new JsonArray(nodes.OnFirst, nodes.OnSecond),
            ["loadAverageAtStart"] = load,
        };
        if (context.Options.N > 0)
        {
            result["delivery"] = await CrossNodeAsync(nodes, quick ? 40 : 200, cancellationToken);
        }

        result["writes"] = await ClosedLoopAsync(nodes, TimeSpan.FromSeconds(quick ? 1 : 3), TimeSpan.FromSeconds(quick ? 3 : 15), cancellationToken);
        result["writeFailures"] = nodes.First.Failures + nodes.Second.Failures;
        result["lastWriteFailure"] = nodes.First.LastFailure ?? nodes.Second.LastFailure;
        result["errors"] = firstPool.Errors + secondPool.Errors;
        result["firstError"] = firstPool.FirstError ?? secondPool.FirstError;
        return result;
    }

    /// <summary>Mutations on the first node at a fixed rate; latency on the second node's and the first node's subscribers.</summary>
    private static async Task<JsonObject> CrossNodeAsync(Nodes nodes, int mutations, CancellationToken cancellationToken)
    {
        nodes.Reset();
        await nodes.First.RunAtRateAsync(DeliveryRate, mutations, 4, cancellationToken);
        var complete = await nodes.WaitForDeliveriesAsync(mutations, TimeSpan.FromSeconds(30), cancellationToken);
        return new JsonObject
        {
            ["mutationsPerSecond"] = DeliveryRate,
            ["mutations"] = mutations,
            ["complete"] = complete,
            ["crossNodeLatency"] = Latency(nodes.SecondRecorder),
            ["sameNodeLatency"] = Latency(nodes.FirstRecorder),
        };
    }

    /// <summary>
    /// Back-to-back writers on both nodes: an unmeasured warm-up, then the measured window; afterwards every
    /// successful mutation must reach every subscriber.
    /// </summary>
    private static async Task<JsonObject> ClosedLoopAsync(Nodes nodes, TimeSpan warmUp, TimeSpan duration, CancellationToken cancellationToken)
    {
        nodes.Reset();
        var warmed = await BothAsync(nodes, warmUp, new LatencyRecorder(), cancellationToken);
        await nodes.WaitForDeliveriesAsync(warmed, TimeSpan.FromSeconds(60), cancellationToken);
        nodes.Reset();
        var failuresBefore = nodes.First.Failures + nodes.Second.Failures;
        var latencies = new LatencyRecorder();
        var started = Clock.NowNs();
        var succeeded = await BothAsync(nodes, duration, latencies, cancellationToken);
        var seconds = (Clock.NowNs() - started) / 1e9;
        var result = new JsonObject
        {
            ["writersPerNode"] = WritersPerNode,
            ["seconds"] = Math.Round(seconds, 2),
            ["mutations"] = succeeded,
            ["mutationsPerSecond"] = Math.Round(succeeded / seconds, 1),
            ["mutationLatency"] = Latency(latencies),
            ["failures"] = nodes.First.Failures + nodes.Second.Failures - failuresBefore,
        };
        if (nodes.OnFirst + nodes.OnSecond > 0)
        {
            var complete = await nodes.WaitForDeliveriesAsync(succeeded, TimeSpan.FromSeconds(60), cancellationToken);
            result["deliveriesComplete"] = complete;
            result["deliveries"] = nodes.FirstRecorder.Deliveries + nodes.SecondRecorder.Deliveries;
            result["secondNodeDeliveryLatency"] = Latency(nodes.SecondRecorder);
        }

        return result;
    }

    private static async Task<long> BothAsync(Nodes nodes, TimeSpan duration, LatencyRecorder latencies, CancellationToken cancellationToken)
    {
        var counts = await Task.WhenAll(
            nodes.First.RunClosedLoopAsync(WritersPerNode, duration, latencies, cancellationToken),
            nodes.Second.RunClosedLoopAsync(WritersPerNode, duration, latencies, cancellationToken));
        return counts.Sum();
    }

    /// <summary>The recorder's percentiles, or null when it holds nothing (every mutation failed, or no subscriber there).</summary>
    private static JsonObject? Latency(LatencyRecorder recorder) =>
        recorder.Deliveries > 0 ? BenchContext.Latency(recorder.Summary()) : null;

    private static double? LoadAverage()
    {
        try
        {
            return double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>The writer and the subscribers' recorder of each node.</summary>
    private sealed record Nodes(MutationWriter First, MutationWriter Second, LatencyRecorder FirstRecorder, LatencyRecorder SecondRecorder, int OnFirst, int OnSecond)
    {
        public void Reset()
        {
            FirstRecorder.Reset();
            SecondRecorder.Reset();
        }

        /// <summary>Waits until every subscriber on both nodes has <paramref name="mutations"/> events since the last reset.</summary>
        public async Task<bool> WaitForDeliveriesAsync(long mutations, TimeSpan timeout, CancellationToken cancellationToken) =>
            await BenchContext.WaitForDeliveriesAsync(FirstRecorder, mutations * OnFirst, timeout, cancellationToken)
            & await BenchContext.WaitForDeliveriesAsync(SecondRecorder, mutations * OnSecond, timeout, cancellationToken);
    }
}
