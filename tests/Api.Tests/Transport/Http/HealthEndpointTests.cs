using System.Net;
using CollectionStore.Api.Tests.Infrastructure;

namespace CollectionStore.Api.Tests.Transport.Http;

[Collection(DefaultServerGroup.Name)]
public sealed class HealthEndpointTests(DefaultServerFixture fixture)
{
    [Fact]
    public async Task Health_StoreAndBusUp_Returns200NamingEachDependency()
    {
        var response = await GraphQLHttp.GetAsync(fixture.Server.Client, "/health");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.StartsWith("application/json", response.ContentType, StringComparison.Ordinal);
        var json = response.Json;
        Assert.Equal("Healthy", json.GetProperty("status").GetString());
        var dependencies = json.GetProperty("dependencies");
        Assert.Equal("Healthy", dependencies.GetProperty("store").GetProperty("status").GetString());
        Assert.Equal(ApiServer.UsePostgres ? "postgresql" : "sqlite", dependencies.GetProperty("store").GetProperty("kind").GetString());
        Assert.Equal("Healthy", dependencies.GetProperty("bus").GetProperty("status").GetString());
        Assert.Equal("in-memory", dependencies.GetProperty("bus").GetProperty("kind").GetString());
    }
}
