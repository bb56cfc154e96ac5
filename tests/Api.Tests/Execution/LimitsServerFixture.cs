using CollectionStore.Api.Tests.Infrastructure;

namespace CollectionStore.Api.Tests.Execution;

/// <summary>A server with small limits, so each limit can be crossed by a small document.</summary>
public sealed class LimitsServerFixture : IAsyncLifetime
{
    public const int MaxDepth = 5;
    public const int MaxAliases = 3;
    public const int MaxComplexity = 200;
    public const int MaxTokens = 400;
    public const int MaxDocumentBytes = 2000;
    public const int MaxVariablesDepth = 6;

    private ApiServer? _server;

    public ApiServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

    public async Task InitializeAsync() => _server = await ApiServer.StartAsync(new Dictionary<string, string?>
    {
        ["Limits:MaxDepth"] = MaxDepth.ToString(),
        ["Limits:MaxAliases"] = MaxAliases.ToString(),
        ["Limits:MaxComplexity"] = MaxComplexity.ToString(),
        ["Limits:MaxTokens"] = MaxTokens.ToString(),
        ["Limits:MaxDocumentBytes"] = MaxDocumentBytes.ToString(),
        ["Limits:MaxVariablesDepth"] = MaxVariablesDepth.ToString(),
    });

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
