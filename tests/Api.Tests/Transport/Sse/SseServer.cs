using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CollectionStore.Api.Subscriptions;
using CollectionStore.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CollectionStore.Api.Tests.Transport.Sse;

/// <summary>Starts the app on the repository's model for SSE tests and offers the writes and waits they need.</summary>
internal static class SseServer
{
    public const string TaskSubscription = "subscription { taskChanged { kind sequence task { id title } } }";

    public static async Task<ApiServer> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var model = TestModels.OpenDefault();
        return await ApiServer.StartAsync(settings, useTestSchema: false, modelSdl: model);
    }

    public static string Body(string query, object? extensions = null) =>
        JsonSerializer.Serialize(new { query, extensions });

    /// <summary>Runs a mutation over plain HTTP and returns its <c>data</c>.</summary>
    public static async Task<JsonNode> MutateAsync(ApiServer server, string mutation)
    {
        using var content = new StringContent(Body(mutation), Encoding.UTF8, "application/json");
        using var response = await server.Client.PostAsync(new Uri("/graphql", UriKind.Relative), content);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Null(json["errors"]);
        return json["data"]!;
    }

    public static async Task<string> CreateTaskAsync(ApiServer server, string title)
    {
        var project = await MutateAsync(server, $$"""mutation { createProject(input: { name: "{{Guid.NewGuid():N}}", ownerId: "o" }) { id } }""");
        var projectId = (string)project["createProject"]!["id"]!;
        var task = await MutateAsync(server, $$"""mutation { createTask(input: { projectId: "{{projectId}}", title: "{{title}}" }) { id } }""");
        return (string)task["createTask"]!["id"]!;
    }

    public static SubscriptionMetrics Metrics(ApiServer server) => server.Services.GetRequiredService<SubscriptionMetrics>();

    /// <summary>Waits (with a deadline) until the engine has exactly <paramref name="active"/> subscriptions; returns how long it took.</summary>
    public static async Task<TimeSpan> WaitForActiveAsync(ApiServer server, long active)
    {
        var metrics = Metrics(server);
        var watch = Stopwatch.StartNew();
        while (metrics.Active != active)
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15), $"Active subscriptions stayed {metrics.Active}, expected {active}.");
            await Task.Delay(5);
        }

        return watch.Elapsed;
    }
}
