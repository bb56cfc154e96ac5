using System.Collections.Concurrent;
using System.Diagnostics;
using CollectionStore.Api.Tests.Infrastructure;

namespace CollectionStore.Api.Tests.Cluster.Infrastructure;

/// <summary>
/// One API node run as its own process (the built server, as an operator runs it) on a port of its own. Several
/// nodes share a store (<see cref="ClusterStore"/>: one SQLite file or one PostgreSQL database) and a Redis; the test
/// talks to each through <see cref="Client"/> and <see cref="BaseUrl"/>. Its console output is kept so a test can look
/// for a log line.
/// </summary>
public sealed class ClusterNode : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ClusterNode(Process process, int port)
    {
        _process = process;
        Port = port;
        BaseUrl = new Uri($"http://127.0.0.1:{port}");
        Client = new HttpClient { BaseAddress = BaseUrl };
        _process.OutputDataReceived += (_, line) => Keep(line.Data);
        _process.ErrorDataReceived += (_, line) => Keep(line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Port { get; }

    public Uri BaseUrl { get; }

    /// <summary>The node's GraphQL endpoint over WebSocket.</summary>
    public Uri WebSocketUrl => new($"ws://127.0.0.1:{Port}/graphql");

    public HttpClient Client { get; }

    /// <summary>Everything the node printed so far.</summary>
    public IReadOnlyCollection<string> Output => _output;

    /// <summary>Starts a node on the SQLite file <paramref name="storeFile"/>; see the overload taking a <see cref="ClusterStore"/>.</summary>
    public static Task<ClusterNode> StartAsync(string directory, string storeFile, string? redis, IReadOnlyDictionary<string, string>? environment = null) =>
        StartAsync(directory, ClusterStore.SqliteFile(storeFile), redis, environment);

    /// <summary>
    /// Starts a node in <paramref name="directory"/> (its working directory) on <paramref name="store"/> and on
    /// <paramref name="redis"/> (none: the in-memory bus, or any connection string, e.g. a port nothing listens on),
    /// and waits until <c>/health</c> answers.
    /// </summary>
    public static async Task<ClusterNode> StartAsync(string directory, ClusterStore store, string? redis, IReadOnlyDictionary<string, string>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        var port = FreePort.Next();
        var settings = new Dictionary<string, string>(store.Settings)
        {
            ["ConnectionStrings__Redis"] = redis ?? string.Empty,
            ["Urls"] = $"http://127.0.0.1:{port}",
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        var node = new ClusterNode(Process.Start(ServerProcess.StartInfo(directory, settings))!, port);
        try
        {
            await node.WaitUntilServingAsync();
            return node;
        }
        catch
        {
            await node.DisposeAsync();
            throw;
        }
    }

    /// <summary>True while the node's process runs.</summary>
    public bool IsRunning => !_process.HasExited;

    /// <summary>Asks the node to shut down as an orchestrator does (SIGTERM) and returns its exit code.</summary>
    public async Task<int> StopAsync()
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }

    private async Task WaitUntilServingAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            Assert.False(_process.HasExited, $"The node exited at start:\n{string.Join('\n', _output)}");
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(60), $"The node did not serve /health within a minute:\n{string.Join('\n', _output)}");
            try
            {
                using var response = await Client.GetAsync(new Uri("/health", UriKind.Relative));
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(50);
            }
        }
    }
}
