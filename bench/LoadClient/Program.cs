using System.Text.Json;
using System.Text.Json.Nodes;
using CollectionStore.Bench.LoadClient;
using CollectionStore.Bench.LoadClient.Scenarios;

var options = BenchOptions.Parse(args);
using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(10));
using var context = new BenchContext(options);
var output = new JsonObject
{
    ["scenario"] = options.Scenario,
    ["server"] = options.Server,
    ["n"] = options.N,
    ["quick"] = options.Quick,
    ["startedUtc"] = DateTime.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
};
var exitCode = 0;
var clientCpu = Environment.CpuUsage.TotalTime;
try
{
    output["result"] = options.Scenario switch
    {
        "idle" => await IdleScenario.RunAsync(context, stop.Token),
        "fanout" => await FanOutScenario.RunAsync(context, stop.Token),
        "throughput" => await ThroughputScenario.RunAsync(context, stop.Token),
        "cohorts" => await CohortScenario.RunAsync(context, stop.Token),
        "rules" => await RulesScenario.RunAsync(context, stop.Token),
        "slow" => await SlowConsumerScenario.RunAsync(context, stop.Token),
        "twonode" => await TwoNodeScenario.RunAsync(context, stop.Token),
        "providers" => await StoreProviderScenario.RunAsync(context, stop.Token),
        _ => throw new ArgumentException($"unknown scenario '{options.Scenario}'"),
    };
}
catch (Exception ex) when (ex is not OutOfMemoryException)
{
    output["error"] = $"{ex.GetType().Name}: {ex.Message}";
    exitCode = 1;
}

output["clientCpuSeconds"] = Math.Round((Environment.CpuUsage.TotalTime - clientCpu).TotalSeconds, 2);
var json = output.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
if (options.Out is { } path)
{
    await File.WriteAllTextAsync(path, json);
}

Console.WriteLine(json);
return exitCode;
