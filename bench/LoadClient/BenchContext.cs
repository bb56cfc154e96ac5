using System.Text.Json.Nodes;

namespace CollectionStore.Bench.LoadClient;

/// <summary>What every scenario uses: the options, one HTTP client, the server probe and the latency recorder.</summary>
internal sealed class BenchContext : IDisposable
{
    public const string ProjectId = "bench";

    public BenchContext(BenchOptions options)
    {
        Options = options;
        Http = new HttpClient(new SocketsHttpHandler { UseProxy = false, MaxConnectionsPerServer = 64 }) { Timeout = TimeSpan.FromSeconds(60) };
        Probe = new ServerProbe(Http, options.Url, options.Pid);
        GraphQL = new GraphQLHttp(Http, options.Url);
    }

    public BenchOptions Options { get; }

    public HttpClient Http { get; }

    public ServerProbe Probe { get; }

    public GraphQLHttp GraphQL { get; }

    public LatencyRecorder Recorder { get; } = new();

    public static Uri WsUri(Uri url) => new(url.ToString().Replace("http", "ws", StringComparison.Ordinal));

    /// <summary>Subscription variables: every subscriber of one project (identical), or each with its own filter (distinct).</summary>
    public static string Variables(int index, bool distinct) => distinct
        ? $"{{\"w\":{{\"projectId\":{{\"eq\":\"{ProjectId}\"}},\"title\":{{\"neq\":\"distinct-{index}\"}}}}}}"
        : $"{{\"w\":{{\"projectId\":{{\"eq\":\"{ProjectId}\"}}}}}}";

    /// <summary>Waits until the recorder holds <paramref name="expected"/> deliveries or the timeout passes; true when all arrived.</summary>
    public Task<bool> WaitForDeliveriesAsync(long expected, TimeSpan timeout, CancellationToken cancellationToken) =>
        WaitForDeliveriesAsync(Recorder, expected, timeout, cancellationToken);

    /// <summary>Waits until <paramref name="recorder"/> holds <paramref name="expected"/> deliveries or the timeout passes; true when all arrived.</summary>
    public static async Task<bool> WaitForDeliveriesAsync(LatencyRecorder recorder, long expected, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (recorder.Deliveries < expected)
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(2, cancellationToken);
        }

        return true;
    }

    /// <summary>One mutation and its delivery before measuring, so neither side measures its own warm-up.</summary>
    public static async Task WarmUpAsync(MutationWriter writer, CancellationToken cancellationToken)
    {
        for (var i = 0; i < 3; i++)
        {
            await writer.CreateAsync(cancellationToken);
        }
    }

    public static JsonObject Latency(LatencySummary summary) => new()
    {
        ["count"] = summary.Count,
        ["p50Ms"] = summary.P50Ms,
        ["p90Ms"] = summary.P90Ms,
        ["p99Ms"] = summary.P99Ms,
        ["maxMs"] = summary.MaxMs,
    };

    public static double Mb(long bytes) => Math.Round(bytes / 1048576.0, 1);

    public void Dispose() => Http.Dispose();
}
