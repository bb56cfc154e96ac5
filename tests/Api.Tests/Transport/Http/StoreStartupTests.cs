using CollectionStore.Api.Tests.Cluster.Infrastructure;
using CollectionStore.Api.Tests.Infrastructure;

namespace CollectionStore.Api.Tests.Transport.Http;

/// <summary>
/// Runs the built server as a process with a wrong store configuration: it refuses to start with one line naming the
/// key, exit code 2 and no stack trace.
/// </summary>
public sealed class StoreStartupTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("collectionstore-store-start-").FullName;

    [Theory]
    [InlineData("Mongo", "Data Source=store.db", "Store:Provider")]
    [InlineData("7", "Data Source=store.db", "Store:Provider")]
    [InlineData("PostgreSql", "Data Source=store.db", "ConnectionStrings:Store")]
    [InlineData("PostgreSql", "", "ConnectionStrings:Store")]
    [InlineData("Sqlite", "Host=db;Username=cs;Password=x;Database=cs", "ConnectionStrings:Store")]
    public async Task Start_WrongProviderOrConnectionString_NamesTheKeyAndExits2(string provider, string connectionString, string key)
    {
        var (exitCode, stderr) = await RunServerAsync(provider, connectionString);

        Assert.Equal(2, exitCode);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Contains(key, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_PostgreSqlNotListening_SaysItCouldNotBeReachedAndExits2()
    {
        var port = FreePort.Next();

        var (exitCode, stderr) = await RunServerAsync("PostgreSql", $"Host=127.0.0.1;Port={port};Username=cs;Password=x;Database=cs;Timeout=5");

        Assert.Equal(2, exitCode);
        Assert.Contains("could not be reached", stderr, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings:Store", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private async Task<(int ExitCode, string Stderr)> RunServerAsync(string provider, string connectionString)
    {
        var schema = Path.Combine(_directory, "schema.graphql");
        await File.WriteAllTextAsync(schema, ApiServer.ModelSdl);
        var start = ServerProcess.StartInfo(_directory, new Dictionary<string, string>
        {
            ["Schema__Path"] = schema,
            ["Store__Provider"] = provider,
            ["ConnectionStrings__Store"] = connectionString,
            ["Auth__SigningKey"] = Convert.ToBase64String(new byte[32]),
        });
        var (exitCode, _, stderr) = await ServerProcess.RunUntilExitAsync(start);
        return (exitCode, stderr);
    }
}
