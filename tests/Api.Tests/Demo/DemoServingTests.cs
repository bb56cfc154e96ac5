using System.Net;

namespace CollectionStore.Api.Tests.Demo;

public sealed class DemoServingTests
{
    [Fact]
    public async Task Demo_InDevelopment_ServesThePage()
    {
        await using var server = await DemoServer.StartAsync("Development", withBundle: true, CancellationToken.None);

        using var response = await server.Client.GetAsync(new Uri("/demo", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(DemoServer.PageText, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task DemoAsset_InDevelopment_ServedAsJavaScript()
    {
        await using var server = await DemoServer.StartAsync("Development", withBundle: true, CancellationToken.None);

        using var response = await server.Client.GetAsync(new Uri("/demo/app.js", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ClientBundle_InDevelopment_ServedAsJavaScriptWithoutCaching()
    {
        await using var server = await DemoServer.StartAsync("Development", withBundle: true, CancellationToken.None);

        using var response = await server.Client.GetAsync(new Uri("/client/collectionstore-client.js", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoCache);
        Assert.Equal(DemoServer.BundleText, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/client/..%2Fsecret.txt")]
    [InlineData("/client/%2E%2E/secret.txt")]
    [InlineData("/demo/..%2Fsecret.txt")]
    [InlineData("/client/missing.js")]
    public async Task ClientFiles_PathOutsideOrMissing_NotFound(string path)
    {
        await using var server = await DemoServer.StartAsync("Development", withBundle: true, CancellationToken.None);

        using var response = await server.Client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Demo_BundleNotBuilt_ExplainsHowToBuildIt()
    {
        await using var server = await DemoServer.StartAsync("Development", withBundle: false, CancellationToken.None);

        using var response = await server.Client.GetAsync(new Uri("/demo", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("npm ci &amp;&amp; npm run build", body, StringComparison.Ordinal);
        Assert.Contains("Demo:ClientPath", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/demo")]
    [InlineData("/demo/app.js")]
    [InlineData("/client/collectionstore-client.js")]
    public async Task DemoAndClient_InProduction_NotFound(string path)
    {
        await using var server = await DemoServer.StartAsync("Production", withBundle: true, CancellationToken.None);

        using var response = await server.Client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
