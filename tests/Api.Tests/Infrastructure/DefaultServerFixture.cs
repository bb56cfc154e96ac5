namespace CollectionStore.Api.Tests.Infrastructure;

/// <summary>One server with the default limits, shared by the tests of the <c>DefaultServer</c> collection.</summary>
public sealed class DefaultServerFixture : IAsyncLifetime
{
    private ApiServer? _server;

    public ApiServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

    public async Task InitializeAsync() => _server = await ApiServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
