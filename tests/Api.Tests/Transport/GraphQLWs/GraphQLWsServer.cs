using CollectionStore.Api.Tests.Infrastructure;

namespace CollectionStore.Api.Tests.Transport.GraphQLWs;

/// <summary>Starts the app on the repository's model for WebSocket tests, with per-test settings.</summary>
internal static class GraphQLWsServer
{
    public static async Task<ApiServer> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var model = TestModels.OpenDefault();
        return await ApiServer.StartAsync(settings, useTestSchema: false, modelSdl: model);
    }
}
