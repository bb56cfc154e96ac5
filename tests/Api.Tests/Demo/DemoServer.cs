using CollectionStore.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CollectionStore.Api.Tests.Demo;

/// <summary>
/// The real app in a chosen environment with a temp store, a fake client bundle and a fake demo page in
/// temp folders given as <c>Demo:ClientPath</c> / <c>Demo:PagePath</c>.
/// </summary>
public sealed class DemoServer : IAsyncDisposable
{
    public const string BundleText = "export const bundled = true;";
    public const string PageText = "<!doctype html><title>demo page for tests</title>";

    private readonly WebApplication _app;
    private readonly string _directory;

    private DemoServer(WebApplication app, string directory, HttpClient client)
    {
        _app = app;
        _directory = directory;
        Client = client;
    }

    public HttpClient Client { get; }

    public static async Task<DemoServer> StartAsync(string environment, bool withBundle, CancellationToken cancellationToken)
    {
        var directory = Directory.CreateTempSubdirectory("collectionstore-demo-").FullName;
        var dist = Directory.CreateDirectory(Path.Combine(directory, "dist")).FullName;
        var page = Directory.CreateDirectory(Path.Combine(directory, "demo")).FullName;
        if (withBundle)
        {
            await File.WriteAllTextAsync(Path.Combine(dist, "collectionstore-client.js"), BundleText, cancellationToken);
        }

        await File.WriteAllTextAsync(Path.Combine(page, "index.html"), PageText, cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(page, "app.js"), "console.log('demo');", cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(directory, "secret.txt"), "outside", cancellationToken);
        var schemaPath = Path.Combine(directory, "schema.graphql");
        await File.WriteAllTextAsync(schemaPath, TestModels.Open(ApiServer.ModelSdl), cancellationToken);
        var configuration = new Dictionary<string, string?>
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["ConnectionStrings:Store"] = $"Data Source={Path.Combine(directory, "store.db")}",
            ["Schema:Path"] = schemaPath,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Auth:SigningKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            ["Auth:BootstrapAdmin:Password"] = ApiServer.AdminPassword,
            ["Demo:ClientPath"] = dist,
            ["Demo:PagePath"] = page,
        };
        var app = await CollectionStoreApp.BuildAsync(
            ["--environment", environment],
            builder => builder.AddInMemoryCollection(configuration),
            configureServices: null,
            cancellationToken);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(30) };
        return new DemoServer(app, directory, client);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A SQLite file still mapped by the OS must not fail the run; the temp folder is cleaned later.
        }
    }
}
