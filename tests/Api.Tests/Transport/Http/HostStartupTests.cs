using CollectionStore.Api.Tests.Infrastructure;

namespace CollectionStore.Api.Tests.Transport.Http;

/// <summary>Runs the built server as a process, the way an operator does, and checks how it refuses to start.</summary>
public sealed class HostStartupTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("collectionstore-start-").FullName;

    [Fact]
    public async Task Start_BrokenModel_PrintsLocationAndExits2()
    {
        var schema = Path.Combine(_directory, "broken.graphql");
        await File.WriteAllTextAsync(schema, "type Task @collection {\n  title: String!\n  owner: Nope # BROKEN\n}\n");

        var (exitCode, stderr) = await RunServerAsync(new Dictionary<string, string> { ["Schema__Path"] = schema });

        Assert.Equal(2, exitCode);
        Assert.Contains("broken.graphql(3,", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_InvalidLimit_PrintsOptionAndExits2()
    {
        var schema = Path.Combine(_directory, "schema.graphql");
        await File.WriteAllTextAsync(schema, ApiServer.ModelSdl);

        var (exitCode, stderr) = await RunServerAsync(new Dictionary<string, string>
        {
            ["Schema__Path"] = schema,
            ["Limits__MaxDepth"] = "0",
            ["Auth__SigningKey"] = Convert.ToBase64String(new byte[32]),
        });

        Assert.Equal(2, exitCode);
        Assert.Contains("MaxDepth", stderr, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private async Task<(int ExitCode, string Stderr)> RunServerAsync(Dictionary<string, string> environment)
    {
        var (exitCode, _, stderr) = await ServerProcess.RunUntilExitAsync(ServerProcess.StartInfo(_directory, environment));
        return (exitCode, stderr);
    }
}
