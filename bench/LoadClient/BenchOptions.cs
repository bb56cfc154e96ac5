using System.Globalization;

namespace CollectionStore.Bench.LoadClient;

/// <summary>
/// Command line: <c>&lt;scenario&gt; --url http://host:port/graphql --pid &lt;server pid&gt; [--server ours|peer|sqlite|postgresql]
/// [--n N] [--quick] [--second-url URL] [--admin-password P] [--out result.json] [--burst mutations] [--hold seconds]</c>.
/// </summary>
internal sealed record BenchOptions(
    string Scenario,
    Uri Url,
    int Pid,
    string Server,
    int N,
    bool Quick,
    Uri? SecondUrl,
    string? AdminPassword,
    string? Out,
    int? Burst,
    int HoldSeconds)
{
    public static BenchOptions Parse(string[] args)
    {
        if (args.Length == 0)
        {
            throw new ArgumentException("usage: LoadClient <idle|fanout|throughput|cohorts|rules|slow|twonode|providers> --url URL --pid PID [--n N] [--quick] ...");
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < args.Length; i++)
        {
            var key = args[i].TrimStart('-');
            values[key] = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : "true";
        }

        string? Get(string key) => values.TryGetValue(key, out var value) ? value : null;
        return new BenchOptions(
            args[0],
            new Uri(Get("url") ?? throw new ArgumentException("--url is required")),
            int.Parse(Get("pid") ?? throw new ArgumentException("--pid is required"), CultureInfo.InvariantCulture),
            Get("server") ?? "ours",
            int.Parse(Get("n") ?? "1000", CultureInfo.InvariantCulture),
            Get("quick") == "true",
            Get("second-url") is { } second ? new Uri(second) : null,
            Get("admin-password") ?? Environment.GetEnvironmentVariable("ADMIN_PASSWORD"),
            Get("out"),
            Get("burst") is { } burst ? int.Parse(burst, CultureInfo.InvariantCulture) : null,
            int.Parse(Get("hold") ?? "0", CultureInfo.InvariantCulture));
    }
}
