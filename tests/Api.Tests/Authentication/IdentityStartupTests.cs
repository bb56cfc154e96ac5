using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CollectionStore.Api.Tests.Infrastructure;

namespace CollectionStore.Api.Tests.Authentication;

/// <summary>
/// The signing key and the first admin, as an operator meets them: the built server run as a process. Outside
/// Development there is no start without a key; in Development a key is generated once beside the database and
/// the generated admin password is printed once.
/// </summary>
public sealed partial class IdentityStartupTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("collectionstore-identity-").FullName;

    [Fact]
    public async Task Production_WithoutSigningKey_RefusesToStart()
    {
        var (exitCode, _, stderr) = await RunUntilExitAsync(new() { ["ASPNETCORE_ENVIRONMENT"] = "Production" });

        Assert.Equal(2, exitCode);
        Assert.Contains("Auth:SigningKey", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShortSigningKey_RefusesToStart()
    {
        var (exitCode, _, stderr) = await RunUntilExitAsync(new()
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Auth__SigningKey"] = "too-short-a-secret",
        });

        Assert.Equal(2, exitCode);
        Assert.Contains("256", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Development_FirstStart_GeneratesKeyOnceAndPrintsAdminPasswordOnce()
    {
        var environment = new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Development" };
        var keyFile = Path.Combine(_directory, "collectionstore.signing-key");

        var (firstOut, firstUrl) = await RunUntilListeningAsync(environment, async (output, url) =>
        {
            var password = AdminPasswordLine().Match(output).Groups["password"].Value;
            Assert.True(password.Length >= 20, output);
            Assert.Equal("admin", await LoginAsync(url, password));
        });
        var key = await File.ReadAllBytesAsync(keyFile);
        var (secondOut, _) = await RunUntilListeningAsync(environment, (_, _) => Task.CompletedTask);

        Assert.Matches(AdminPasswordLine(), firstOut);
        Assert.DoesNotMatch(AdminPasswordLine(), secondOut);
        Assert.True(key.Length >= 32);
        Assert.Equal(key, await File.ReadAllBytesAsync(keyFile));
        Assert.NotEmpty(firstUrl);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [GeneratedRegex("created admin user 'admin' with password: (?<password>\\S+)")]
    private static partial Regex AdminPasswordLine();

    [GeneratedRegex("Now listening on: (?<url>http://\\S+)")]
    private static partial Regex ListeningLine();

    private static async Task<string?> LoginAsync(string url, string password)
    {
        using var client = new HttpClient { BaseAddress = new Uri(url) };
        var query = "mutation($p: String!) { login(input: { username: \"admin\", password: $p }) { user { username } } }";
        using var response = await client.PostAsJsonAsync("/graphql", new { query, variables = new { p = password } });
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return (string?)json["data"]?["login"]?["user"]?["username"];
    }

    private ProcessStartInfo StartInfo(Dictionary<string, string> environment)
    {
        var schema = Path.Combine(_directory, "schema.graphql");
        File.WriteAllText(schema, ApiServer.ModelSdl);
        return ServerProcess.StartInfo(_directory, new Dictionary<string, string>(environment)
        {
            ["Schema__Path"] = schema,
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
        });
    }

    private Task<(int ExitCode, string Stdout, string Stderr)> RunUntilExitAsync(Dictionary<string, string> environment) =>
        ServerProcess.RunUntilExitAsync(StartInfo(environment));

    /// <summary>Starts the server, reads its output until it listens, runs <paramref name="whileRunning"/>, then stops it.</summary>
    private async Task<(string Stdout, string Url)> RunUntilListeningAsync(Dictionary<string, string> environment, Func<string, string, Task> whileRunning)
    {
        using var process = Process.Start(StartInfo(environment))!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        var output = new System.Text.StringBuilder();
        try
        {
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                output.AppendLine(line);
                if (ListeningLine().Match(line) is { Success: true } listening)
                {
                    var url = listening.Groups["url"].Value;
                    await whileRunning(output.ToString(), url);
                    return (output.ToString(), url);
                }
            }

            throw new InvalidOperationException($"The server exited before listening: {output} {await stderr}");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
        }
    }
}
