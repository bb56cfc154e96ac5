using System.Text.Json.Nodes;
using CollectionStore.Api.Subscriptions;
using CollectionStore.Api.Tests.Infrastructure;
using CollectionStore.Api.Tests.Transport.Multipart;
using Microsoft.Extensions.DependencyInjection;

namespace CollectionStore.Api.Tests.Transport.Mixed;

/// <summary>
/// One change, one subscription document, every transport: graphql-ws, the legacy Apollo protocol, SSE in
/// distinct-connections mode, SSE in single-connection mode and Apollo multipart all receive the same
/// ExecutionResult.
/// </summary>
public sealed class SameChangeOverEveryTransportTests : IAsyncLifetime
{
    private const string Document = """
        subscription($projectId: ID!) {
          taskChanged(where: { projectId: { eq: $projectId } }) { kind operation sequence task { id title done } }
        }
        """;

    private ApiServer? _server;

    private ApiServer Server => _server!;

    public async Task InitializeAsync() => _server = await ApiServer.StartAsync(useTestSchema: false, modelSdl: TestModels.OpenDefault());

    public async Task DisposeAsync() => await Server.DisposeAsync();

    [Fact]
    public async Task OneChange_EveryTransport_ReceivesTheSameExecutionResult()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var projectId = await MultipartServerFixture.CreateProjectAsync(Server.Client);
        var variables = new { projectId };
        var payload = new { query = Document, variables };
        var transports = new List<ITransportProbe>
        {
            await WebSocketProbe.OpenAsync(Server.BaseAddress, legacy: false, payload),
            await WebSocketProbe.OpenAsync(Server.BaseAddress, legacy: true, payload),
            await SseProbe.OpenDistinctAsync(Server.Client, payload, timeout.Token),
            await SseProbe.OpenSingleConnectionAsync(Server.Client, payload, timeout.Token),
            new MultipartProbe(await MultipartReader.OpenAsync(Server.Client, payload, cancellationToken: timeout.Token)),
        };
        try
        {
            // Every operation has joined the engine before the change is made.
            var metrics = Server.Services.GetRequiredService<SubscriptionMetrics>();
            while (metrics.Active < transports.Count)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(5), timeout.Token);
            }

            await MultipartServerFixture.CreateTaskAsync(Server.Client, projectId, "seen everywhere");

            var results = new List<(string Name, JsonNode Result)>();
            foreach (var transport in transports)
            {
                results.Add((transport.Name, await transport.ReceiveResultAsync(timeout.Token)));
            }

            var expected = results[0].Result;
            Assert.Equal("ADDED", (string?)expected["data"]!["taskChanged"]!["kind"]);
            Assert.Equal("seen everywhere", (string?)expected["data"]!["taskChanged"]!["task"]!["title"]);
            foreach (var (name, result) in results)
            {
                Assert.True(JsonNode.DeepEquals(expected, result), $"{name} received {result.ToJsonString()}, {results[0].Name} {expected.ToJsonString()}");
            }
        }
        finally
        {
            foreach (var transport in transports)
            {
                await transport.DisposeAsync();
            }
        }
    }
}
