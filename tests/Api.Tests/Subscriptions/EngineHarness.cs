using System.Diagnostics;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using CollectionStore.Api.Execution;
using CollectionStore.Api.Subscriptions;
using CollectionStore.Api.Tests.Infrastructure;
using CollectionStore.Domain.Store;
using Microsoft.Extensions.DependencyInjection;

namespace CollectionStore.Api.Tests.Subscriptions;

/// <summary>The real app on the repository's model, with direct access to its engine, store and metrics.</summary>
internal sealed class EngineHarness : IAsyncDisposable
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private EngineHarness(ApiServer server)
    {
        Server = server;
        Engine = server.Services.GetRequiredService<SubscriptionEngine>();
        Store = server.Services.GetRequiredService<IDocumentStore>();
        Metrics = server.Services.GetRequiredService<SubscriptionMetrics>();
    }

    public ApiServer Server { get; }

    public SubscriptionEngine Engine { get; }

    public IDocumentStore Store { get; }

    public SubscriptionMetrics Metrics { get; }

    public static async Task<EngineHarness> StartAsync(
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configureServices = null)
    {
        var model = TestModels.OpenDefault();
        var server = await ApiServer.StartAsync(settings, useTestSchema: false, modelSdl: model, configureServices: configureServices);
        return new EngineHarness(server);
    }

    public async Task<IAsyncDisposable> SubscribeAsync(string query, ISubscriptionSink sink, object? variables = null, ClaimsPrincipal? user = null)
    {
        var result = await StartAsync(query, sink, variables, user);
        Assert.True(result.Handle is not null, "The subscription did not start: " + JsonSerializer.Serialize(result.Errors?.Errors?.Select(e => e.Message)));
        return result.Handle!;
    }

    public async Task<SubscriptionStartResult> StartAsync(string query, ISubscriptionSink sink, object? variables = null, ClaimsPrincipal? user = null)
    {
        JsonElement? vars = variables is null ? null : JsonSerializer.SerializeToElement(variables);
        using var timeout = new CancellationTokenSource(Deadline);
        return await Engine.SubscribeAsync(new GraphQLExecutionRequest(query, null, vars), user, sink, timeout.Token);
    }

    public async Task<string> CreateProjectAsync(string name)
    {
        var result = await Store.CreateAsync("Project", null, new JsonObject { ["name"] = name, ["ownerId"] = "owner" }, WriteOptions.Anonymous, CancellationToken.None);
        return result.Document.Id;
    }

    public async Task<WriteResult> CreateTaskAsync(string projectId, string title, bool done = false) =>
        await Store.CreateAsync("Task", null, new JsonObject { ["projectId"] = projectId, ["title"] = title, ["done"] = done }, WriteOptions.Anonymous, CancellationToken.None);

    public async Task<WriteResult> UpdateTaskAsync(string id, JsonObject patch) =>
        await Store.UpdateAsync("Task", id, patch, WriteOptions.Anonymous, CancellationToken.None);

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
