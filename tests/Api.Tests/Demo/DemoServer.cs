using CollectionStore.Api.Tests.Infrastructure;

namespace CollectionStore.Api.Tests.Demo;

/// <summary>
/// The real app (an <see cref="ApiServer"/>) in a chosen environment, with a fake client bundle and a fake demo
/// page in temp folders given as <c>Demo:ClientPath</c> / <c>Demo:PagePath</c>.
/// </summary>
public sealed class DemoServer : IAsyncDisposable
{
    public const string BundleText = "export const bundled = true;";
    public const string PageText = "<!doctype html><title>demo page for tests</title>";

    private readonly ApiServer _server;
    private readonly string _directory;

    private DemoServer(ApiServer server, string directory)
    {
        _server = server;
        _directory = directory;
    }

    public HttpClient Client => _server.Client;

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
        var settings = new Dictionary<string, string?> { ["Demo:ClientPath"] = dist, ["Demo:PagePath"] = page };
        var server = await ApiServer.StartAsync(settings, useTestSchema: false, cancellationToken: cancellationToken, environment: environment);
        return new DemoServer(server, directory);
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
