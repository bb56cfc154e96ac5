using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CollectionStore.Api.Tests.Cluster.Infrastructure;
using CollectionStore.Api.Tests.Infrastructure;
using CollectionStore.Api.Tests.Transport.Sse;

namespace CollectionStore.Api.Tests.Cluster;

/// <summary>The single-connection requests of the cross-node tests, each sent to the node the test names.</summary>
internal static class SseClusterRequests
{
    public const string TokenHeader = "X-GraphQL-Event-Stream-Token";
    public const string ProjectSubscription = "subscription { projectChanged { kind project { name } } }";

    public static async Task<string> ReserveAsync(ClusterNode node, string? bearer = null)
    {
        using var request = Authorized(new HttpRequestMessage(HttpMethod.Put, "/graphql"), bearer);
        using var response = await node.Client.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    public static Task<SseStream> OpenStreamAsync(ClusterNode node, string token, string? bearer = null)
    {
        var request = SseStream.Get("/graphql");
        request.Headers.Add(TokenHeader, token);
        return SseStream.OpenAsync(node.Client, Authorized(request, bearer));
    }

    public static Task<GraphQLResponse> PostOperationAsync(ClusterNode node, string token, string query, string? operationId, string? bearer = null) =>
        PostRawAsync(node, token, JsonSerializer.Serialize(new { query, extensions = operationId is null ? null : new { operationId } }), bearer);

    public static async Task<GraphQLResponse> PostRawAsync(ClusterNode node, string token, string body, string? bearer = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(TokenHeader, token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return await GraphQLHttp.SendAsync(node.Client, Authorized(request, bearer));
    }

    public static async Task<GraphQLResponse> GetOperationAsync(ClusterNode node, string token, string query, string operationId)
    {
        var path = GraphQLHttp.Query(query) + "&extensions=" + Uri.EscapeDataString(JsonSerializer.Serialize(new { operationId })) + "&token=" + token;
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return await GraphQLHttp.SendAsync(node.Client, request);
    }

    public static async Task<GraphQLResponse> DeleteAsync(ClusterNode node, string token, string? operationId, string? bearer = null)
    {
        var path = operationId is null ? "/graphql" : $"/graphql?operationId={Uri.EscapeDataString(operationId)}";
        using var request = new HttpRequestMessage(HttpMethod.Delete, path);
        request.Headers.Add(TokenHeader, token);
        return await GraphQLHttp.SendAsync(node.Client, Authorized(request, bearer));
    }

    /// <summary>Creates a project through the node's plain GraphQL endpoint.</summary>
    public static async Task CreateProjectAsync(ClusterNode node, string name)
    {
        var response = await GraphQLHttp.PostJsonAsync(node.Client, new { query = $$"""mutation { createProject(input: { name: "{{name}}", ownerId: "o" }) { id } }""" });
        Assert.False(response.Json.TryGetProperty("errors", out _), response.Text);
    }

    public static async Task<string> LoginAsync(ClusterNode node, string password)
    {
        var response = await GraphQLHttp.PostJsonAsync(node.Client, new
        {
            query = "mutation($p: String!) { login(input: { username: \"admin\", password: $p }) { accessToken } }",
            variables = new { p = password },
        });
        return response.Json.GetProperty("data").GetProperty("login").GetProperty("accessToken").GetString()!;
    }

    /// <summary>The name of the project a subscription event on the stream is about, checking it belongs to the operation.</summary>
    public static string ChangedProject(JsonNode next, string operationId)
    {
        Assert.Equal(operationId, (string)next["id"]!);
        return (string)next["payload"]!["data"]!["projectChanged"]!["project"]!["name"]!;
    }

    /// <summary>
    /// The stream's next event, skipping changes to projects other tests made: the nodes share one store, and a node
    /// may deliver an earlier change it only learns of now.
    /// </summary>
    public static async Task<SseEvent> OwnEventAsync(SseStream stream, string token)
    {
        while (true)
        {
            var next = await stream.ReadEventAsync();
            Assert.NotNull(next);
            var name = next.Event == "next" ? JsonNode.Parse(next.Data)?["payload"]?["data"]?["projectChanged"]?["project"]?["name"] : null;
            if (name is null || ((string)name!).EndsWith(token, StringComparison.Ordinal))
            {
                return next;
            }
        }
    }

    public static async Task<JsonNode> OwnNextAsync(SseStream stream, string token)
    {
        var next = await OwnEventAsync(stream, token);
        Assert.Equal("next", next.Event);
        return JsonNode.Parse(next.Data)!;
    }

    private static HttpRequestMessage Authorized(HttpRequestMessage request, string? bearer)
    {
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return request;
    }
}
