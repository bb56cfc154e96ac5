using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using CollectionStore.Api.Tests.Infrastructure;

namespace CollectionStore.Api.Tests.Durability;

/// <summary>Acknowledged writes survive the server process being killed outright (SIGKILL, no shutdown).</summary>
public sealed class ProcessKillTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    // Both server processes must accept the same tokens; a fresh random key per test run.
    private static readonly string SigningKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    private readonly string _directory = Directory.CreateTempSubdirectory("collectionstore-kill-").FullName;

    [Fact]
    public async Task Server_KilledRightAfterAcknowledgingWrites_KeepsEveryAcknowledgedWrite()
    {
        var schema = Path.Combine(_directory, "schema.graphql");
        await File.WriteAllTextAsync(schema, TestModels.Open(ApiServer.ModelSdl));
        var acknowledged = new List<string>();

        using (var first = StartServer(schema, out var baseAddress))
        {
            using var client = new HttpClient { BaseAddress = baseAddress, Timeout = Deadline };
            await WaitUntilHealthyAsync(client, first);
            for (var i = 0; i < 20; i++)
            {
                var data = await PostAsync(client, $$"""mutation { createNote(input: { text: "note {{i}}" }) { id } }""");
                acknowledged.Add((string)data["createNote"]!["id"]!);
            }

            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync(new CancellationTokenSource(Deadline).Token);
        }

        using var second = StartServer(schema, out var secondAddress);
        try
        {
            using var client = new HttpClient { BaseAddress = secondAddress, Timeout = Deadline };
            await WaitUntilHealthyAsync(client, second);
            var data = await PostAsync(client, "{ notes(first: 100) { totalCount nodes { id } } }");

            Assert.Equal(20, (int)data["notes"]!["totalCount"]!);
            Assert.Equal(acknowledged.Order(StringComparer.Ordinal), data["notes"]!["nodes"]!.AsArray().Select(n => (string)n!["id"]!).Order(StringComparer.Ordinal));
        }
        finally
        {
            second.Kill(entireProcessTree: true);
            await second.WaitForExitAsync(new CancellationTokenSource(Deadline).Token);
        }
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private Process StartServer(string schema, out Uri baseAddress)
    {
        baseAddress = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = _directory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CollectionStore.Api.dll"));
        start.Environment["ConnectionStrings__Store"] = $"Data Source={Path.Combine(_directory, "store.db")}";
        start.Environment["Schema__Path"] = schema;
        start.Environment["Urls"] = baseAddress.ToString();
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Auth__SigningKey"] = SigningKey;
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitUntilHealthyAsync(HttpClient client, Process process)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            Assert.False(process.HasExited, "The server exited while starting.");
            Assert.True(watch.Elapsed < Deadline, "The server did not become healthy in time.");
            try
            {
                using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(50);
        }
    }

    private static async Task<JsonNode> PostAsync(HttpClient client, string query)
    {
        using var response = await client.PostAsJsonAsync(new Uri("/graphql", UriKind.Relative), new { query });
        var body = (await response.Content.ReadFromJsonAsync<JsonNode>())!;
        Assert.True(body["errors"] is null, body.ToJsonString());
        return body["data"]!;
    }
}
