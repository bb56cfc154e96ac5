using Microsoft.AspNetCore.StaticFiles;

namespace CollectionStore.Api.Demo;

/// <summary>
/// Resolves the demo page's and the client bundle's folders and maps request paths to files inside them,
/// refusing anything that would leave the folder.
/// </summary>
internal sealed class DemoFiles
{
    public const string BundleFileName = "collectionstore-client.js";

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public DemoFiles(string clientPath, string pagePath)
    {
        ClientPath = clientPath;
        PagePath = pagePath;
    }

    public string ClientPath { get; }

    public string PagePath { get; }

    public bool BundleExists => File.Exists(Path.Combine(ClientPath, BundleFileName));

    public static DemoFiles Resolve(DemoOptions options, string contentRoot)
    {
        var client = FindPackage(contentRoot) ?? FindPackage(AppContext.BaseDirectory);
        var clientPath = Rooted(options.ClientPath, contentRoot) ?? Path.Combine(client ?? contentRoot, "dist");
        var pagePath = Rooted(options.PagePath, contentRoot) ?? Path.Combine(client ?? contentRoot, "demo");
        return new DemoFiles(clientPath, pagePath);
    }

    /// <summary>The file under <paramref name="folder"/> for a request path, or null when missing or outside it.</summary>
    public static string? Find(string folder, string? relativePath)
    {
        if (string.IsNullOrEmpty(relativePath))
        {
            return null;
        }

        var root = Path.GetFullPath(folder) + Path.DirectorySeparatorChar;
        var candidate = Path.GetFullPath(Path.Combine(root, relativePath));
        return candidate.StartsWith(root, StringComparison.Ordinal) && File.Exists(candidate) ? candidate : null;
    }

    public static string ContentType(string path) =>
        ContentTypes.TryGetContentType(path, out var type) ? type : "application/octet-stream";

    private static string? Rooted(string configured, string contentRoot) =>
        string.IsNullOrWhiteSpace(configured) ? null : Path.GetFullPath(Path.Combine(contentRoot, configured));

    /// <summary>
    /// <c>dotnet run</c> uses <c>src/Api</c> as content root and the built dll sits in <c>src/Api/bin/…</c>:
    /// both have the repository's <c>src/Client</c> above them.
    /// </summary>
    private static string? FindPackage(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "src", "Client");
            if (File.Exists(Path.Combine(candidate, "package.json")))
            {
                return candidate;
            }
        }

        return null;
    }
}
