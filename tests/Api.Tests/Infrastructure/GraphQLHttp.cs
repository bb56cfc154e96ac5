using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace CollectionStore.Api.Tests.Infrastructure;

/// <summary>Sends raw GraphQL-over-HTTP requests, so tests control every header and byte.</summary>
public static class GraphQLHttp
{
    public const string GraphQLResponseJson = "application/graphql-response+json";

    public static Task<GraphQLResponse> PostJsonAsync(HttpClient client, object body, string? accept = null) =>
        PostAsync(client, JsonSerializer.Serialize(body), "application/json", accept);

    public static async Task<GraphQLResponse> PostAsync(HttpClient client, string? body, string? contentType, string? accept = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql");
        if (body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            if (contentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }
        }

        AddAccept(request, accept);
        return await SendAsync(client, request);
    }

    public static async Task<GraphQLResponse> GetAsync(HttpClient client, string pathAndQuery, string? accept = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, pathAndQuery);
        AddAccept(request, accept);
        return await SendAsync(client, request);
    }

    public static string Query(string query, string? variables = null)
    {
        var text = $"/graphql?query={Uri.EscapeDataString(query)}";
        return variables is null ? text : $"{text}&variables={Uri.EscapeDataString(variables)}";
    }

    public static async Task<GraphQLResponse> SendAsync(HttpClient client, HttpRequestMessage request)
    {
        using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var response = await client.SendAsync(request, cancellation.Token);
        var text = await response.Content.ReadAsStringAsync(cancellation.Token);
        return new GraphQLResponse(response.StatusCode, response.Content.Headers.ContentType?.ToString(), response.Headers, response.Content.Headers, text);
    }

    private static void AddAccept(HttpRequestMessage request, string? accept)
    {
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }
    }
}
