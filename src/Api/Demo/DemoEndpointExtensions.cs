namespace CollectionStore.Api.Demo;

/// <summary>
/// In Development, <c>GET /demo</c> serves the task-board demo page and <c>GET /client/*</c> the built browser
/// client, so the page loads the library from the server's own origin. Other environments map nothing.
/// </summary>
internal static class DemoEndpointExtensions
{
    private const string NotBuiltMessage = """
        <!doctype html><meta charset="utf-8"><title>Collection Store demo</title>
        <h1>The browser client is not built</h1>
        <p>The demo page loads the client bundle from <code>PATH</code>, which does not exist yet. Build it with</p>
        <pre>cd src/Client &amp;&amp; npm ci &amp;&amp; npm run build</pre>
        <p>(<code>dotnet build</code> does this by itself when npm is installed), or set <code>Demo:ClientPath</code>
        to the folder that holds <code>collectionstore-client.js</code>, then reload.</p>
        """;

    public static IEndpointRouteBuilder MapDemo(this IEndpointRouteBuilder endpoints, IWebHostEnvironment environment, IConfiguration configuration)
    {
        if (!environment.IsDevelopment())
        {
            return endpoints;
        }

        var options = configuration.GetSection(DemoOptions.SectionName).Get<DemoOptions>() ?? new DemoOptions();
        var files = DemoFiles.Resolve(options, environment.ContentRootPath);
        endpoints.MapGet("/demo", (HttpContext context) => Page(context, files, "index.html"));
        endpoints.MapGet("/demo/{**path}", (HttpContext context, string? path) => Page(context, files, path));
        endpoints.MapGet("/client/{**path}", (HttpContext context, string? path) => Serve(context, DemoFiles.Find(files.ClientPath, path)));
        return endpoints;
    }

    private static IResult Page(HttpContext context, DemoFiles files, string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "index.html")
        {
            if (!files.BundleExists)
            {
                var message = NotBuiltMessage.Replace("PATH", System.Net.WebUtility.HtmlEncode(files.ClientPath), StringComparison.Ordinal);
                return Results.Content(message, "text/html; charset=utf-8", statusCode: StatusCodes.Status503ServiceUnavailable);
            }

            path = "index.html";
        }

        return Serve(context, DemoFiles.Find(files.PagePath, path));
    }

    private static IResult Serve(HttpContext context, string? file)
    {
        if (file is null)
        {
            return Results.NotFound();
        }

        // Development files change while the server runs (a rebuilt bundle): the browser always asks again.
        context.Response.Headers.CacheControl = "no-cache";
        return Results.File(file, DemoFiles.ContentType(file), enableRangeProcessing: false, lastModified: File.GetLastWriteTimeUtc(file));
    }
}
