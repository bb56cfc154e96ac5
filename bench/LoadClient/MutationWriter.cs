using System.Diagnostics;
using System.Text.Json.Nodes;

namespace CollectionStore.Bench.LoadClient;

/// <summary>
/// Creates tasks whose title carries the send time ("t:&lt;unix-ns&gt;", optionally padded): one at a time, at a
/// fixed rate from several concurrent writers (open loop: a writer that falls behind sends at once), or back to back
/// (closed loop: each writer sends its next mutation when the server has answered the last).
/// </summary>
internal sealed class MutationWriter(GraphQLHttp graphql, string projectId, string? bearer, int padding = 0)
{
    private const string Create = "mutation($i: CreateTaskInput!) { createTask(input: $i) { id } }";

    private readonly string _padding = padding > 0 ? ":" + new string('x', padding) : string.Empty;
    private long _failures;

    public long Failures => Interlocked.Read(ref _failures);

    public string? LastFailure { get; private set; }

    /// <summary>Creates one task; returns its send time (unix ns).</summary>
    public async Task<long> CreateAsync(CancellationToken cancellationToken)
    {
        var sent = Clock.NowNs();
        await TryCreateAsync(sent, cancellationToken);
        return sent;
    }

    /// <summary>
    /// Sends mutations back to back from <paramref name="writers"/> concurrent writers until <paramref name="duration"/>
    /// has passed, recording each successful mutation's round trip in <paramref name="latencies"/>; returns how many
    /// succeeded (failures are counted in <see cref="Failures"/>).
    /// </summary>
    public async Task<long> RunClosedLoopAsync(int writers, TimeSpan duration, LatencyRecorder latencies, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        long succeeded = 0;
        var tasks = Enumerable.Range(0, writers).Select(async _ =>
        {
            while (Stopwatch.GetElapsedTime(started) < duration)
            {
                var sent = Clock.NowNs();
                if (await TryCreateAsync(sent, cancellationToken))
                {
                    latencies.Record(sent, Clock.NowNs());
                    Interlocked.Increment(ref succeeded);
                }
            }
        });
        await Task.WhenAll(tasks);
        return Interlocked.Read(ref succeeded);
    }

    /// <summary>Sends <paramref name="total"/> mutations at <paramref name="perSecond"/>; returns the seconds it took.</summary>
    public async Task<double> RunAtRateAsync(double perSecond, int total, int writers, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var next = -1;
        var tasks = Enumerable.Range(0, writers).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < total)
            {
                var due = TimeSpan.FromSeconds(i / perSecond) - Stopwatch.GetElapsedTime(started);
                if (due > TimeSpan.FromMilliseconds(1))
                {
                    await Task.Delay(due, cancellationToken);
                }

                await CreateAsync(cancellationToken);
            }
        });
        await Task.WhenAll(tasks);
        return Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    private async Task<bool> TryCreateAsync(long sent, CancellationToken cancellationToken)
    {
        var input = new JsonObject { ["projectId"] = projectId, ["title"] = $"t:{sent}{_padding}" };
        try
        {
            await graphql.PostAsync(Create, new JsonObject { ["i"] = input }, bearer, cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or TaskCanceledException)
        {
            Interlocked.Increment(ref _failures);
            LastFailure = ex.Message;
            return false;
        }
    }
}
