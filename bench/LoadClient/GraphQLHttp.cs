using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CollectionStore.Bench.LoadClient;

/// <summary>POST /graphql with JSON; an answer with errors or a non-200 status throws.</summary>
internal sealed class GraphQLHttp(HttpClient http, Uri graphqlUri)
{
    public async Task<JsonElement> PostAsync(string query, JsonObject variables, string? bearer, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["query"] = query, ["variables"] = variables }.ToJsonString();
        using var request = new HttpRequestMessage(HttpMethod.Post, graphqlUri) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        using var document = JsonDocument.Parse(text);
        if (!response.IsSuccessStatusCode || document.RootElement.TryGetProperty("errors", out _))
        {
            throw new InvalidOperationException($"GraphQL request failed ({(int)response.StatusCode}): {text}");
        }

        return document.RootElement.GetProperty("data").Clone();
    }
}
