using System.Text.Json;
using CollectionStore.Api.Tests.Infrastructure;

namespace CollectionStore.Api.Tests.Transport.Multipart;

/// <summary>
/// One server with the repository's model (Project, Task, Comment) and a short multipart heartbeat, shared by
/// the multipart tests; helpers create and change tasks over plain HTTP.
/// </summary>
public sealed class MultipartServerFixture : IAsyncLifetime
{
    public static readonly TimeSpan Heartbeat = TimeSpan.FromMilliseconds(300);

    private ApiServer? _server;

    public ApiServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string?>();
        settings["Subscriptions:MultipartHeartbeatInterval"] = Heartbeat.ToString("c", System.Globalization.CultureInfo.InvariantCulture);
        _server = await ApiServer.StartAsync(settings, useTestSchema: false, modelSdl: TestModels.OpenDefault());
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>Runs a mutation or query over HTTP and returns its <c>data</c>, failing on any error.</summary>
    public static async Task<JsonElement> ExecuteAsync(HttpClient client, string query, object? variables = null)
    {
        var response = await GraphQLHttp.PostJsonAsync(client, new { query, variables });
        Assert.False(response.Json.TryGetProperty("errors", out var errors), errors.ToString());
        return response.Json.GetProperty("data");
    }

    /// <summary>Creates a project and returns its id.</summary>
    public static async Task<string> CreateProjectAsync(HttpClient client)
    {
        var data = await ExecuteAsync(
            client,
            "mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }",
            new { input = new { name = $"project-{Guid.NewGuid():N}", ownerId = "owner" } });
        return data.GetProperty("createProject").GetProperty("id").GetString()!;
    }

    /// <summary>Creates a task in the project and returns its id.</summary>
    public static async Task<string> CreateTaskAsync(HttpClient client, string projectId, string title)
    {
        var data = await ExecuteAsync(
            client,
            "mutation($input: CreateTaskInput!) { createTask(input: $input) { id } }",
            new { input = new { projectId, title } });
        return data.GetProperty("createTask").GetProperty("id").GetString()!;
    }
}
