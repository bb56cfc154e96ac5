using System.Globalization;
using System.Text.Json;

namespace CollectionStore.Bench.LoadClient;

/// <summary>
/// Reads the server process from the outside (/proc CPU ticks and RSS) and from its GET /metrics (managed heap,
/// subscription counters). Both servers answer /metrics in the same JSON shape.
/// </summary>
internal sealed class ServerProbe(HttpClient http, Uri graphqlUri, int pid)
{
    private const double TicksPerSecond = 100.0;

    private readonly Uri _metrics = new(graphqlUri, "/metrics");

    public int Pid => pid;

    public double CpuSeconds()
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
    }

    public long RssBytes()
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
            }
        }

        return 0;
    }

    public async Task<ServerSample> SampleAsync(CancellationToken cancellationToken)
    {
        using var document = JsonDocument.Parse(await http.GetStringAsync(_metrics, cancellationToken));
        var root = document.RootElement;
        var subscriptions = root.GetProperty("subscriptions");
        return new ServerSample(
            CpuSeconds(),
            RssBytes(),
            root.GetProperty("process").GetProperty("managedHeapBytes").GetInt64(),
            subscriptions.GetProperty("active").GetInt64(),
            subscriptions.GetProperty("cohorts").GetInt64(),
            subscriptions.GetProperty("executions").GetInt64(),
            subscriptions.GetProperty("deliveries").GetInt64(),
            subscriptions.GetProperty("slowConsumers").GetInt64(),
            root.GetProperty("connections").GetProperty("active").GetInt64());
    }

    /// <summary>Waits until the server counts at least <paramref name="active"/> live subscriptions.</summary>
    public async Task WaitForActiveAsync(long active, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while ((await SampleAsync(cancellationToken)).Active < active)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"the server never counted {active} active subscriptions");
            }

            await Task.Delay(50, cancellationToken);
        }
    }
}
