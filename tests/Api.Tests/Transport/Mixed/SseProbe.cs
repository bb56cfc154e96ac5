using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CollectionStore.Api.Tests.Transport.Mixed;

/// <summary>
/// A subscription over GraphQL over SSE: distinct-connections mode (the <c>next</c> data is the ExecutionResult)
/// or single-connection mode (the <c>next</c> data is <c>{"id":…,"payload":…}</c>).
/// </summary>
public sealed class SseProbe : ITransportProbe
{
    private const string TokenHeader = "X-GraphQL-Event-Stream-Token";

    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;
    private readonly string? _operationId;

    private SseProbe(string name, HttpResponseMessage response, StreamReader reader, string? operationId)
    {
        Name = name;
        _response = response;
        _reader = reader;
        _operationId = operationId;
    }

    public string Name { get; }

    public static async Task<SseProbe> OpenDistinctAsync(HttpClient client, object payload, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = Json(payload) };
        var (response, reader) = await OpenStreamAsync(client, request, cancellationToken);
        return new SseProbe("SSE distinct connections", response, reader, operationId: null);
    }

    public static async Task<SseProbe> OpenSingleConnectionAsync(HttpClient client, object payload, CancellationToken cancellationToken)
    {
        using var reservation = await client.SendAsync(new HttpRequestMessage(HttpMethod.Put, "/graphql"), cancellationToken);
        Assert.Equal(HttpStatusCode.Created, reservation.StatusCode);
        var token = await reservation.Content.ReadAsStringAsync(cancellationToken);

        var open = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        open.Headers.Add(TokenHeader, token);
        var (response, reader) = await OpenStreamAsync(client, open, cancellationToken);

        const string operationId = "mixed-1";
        var json = JsonSerializer.SerializeToNode(payload)!.AsObject();
        json["extensions"] = new JsonObject { ["operationId"] = operationId };
        using var operation = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = Json(json) };
        operation.Headers.Add(TokenHeader, token);
        using var accepted = await client.SendAsync(operation, cancellationToken);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        return new SseProbe("SSE single connection", response, reader, operationId);
    }

    public async Task<JsonNode> ReceiveResultAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var (name, data) = await ReadEventAsync(cancellationToken);
            if (name != "next")
            {
                continue;
            }

            var node = JsonNode.Parse(data)!;
            if (_operationId is null)
            {
                return node;
            }

            Assert.Equal(_operationId, (string?)node["id"]);
            return node["payload"]!.DeepClone();
        }
    }

    public ValueTask DisposeAsync()
    {
        _reader.Dispose();
        _response.Dispose();
        return ValueTask.CompletedTask;
    }

    private static StringContent Json(object payload) =>
        new(payload is JsonNode node ? node.ToJsonString() : JsonSerializer.Serialize(payload), Encoding.UTF8, "application/json");

    private static async Task<(HttpResponseMessage Response, StreamReader Reader)> OpenStreamAsync(
        HttpClient client, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.TryAddWithoutValidation("Accept", "text/event-stream");
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        request.Dispose();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        return (response, new StreamReader(stream, Encoding.UTF8));
    }

    /// <summary>The next event's name and data (data lines joined with LF); comments are skipped.</summary>
    private async Task<(string? Name, string Data)> ReadEventAsync(CancellationToken cancellationToken)
    {
        string? name = null;
        var data = new List<string>();
        while (true)
        {
            var line = await _reader.ReadLineAsync(cancellationToken) ?? throw new InvalidOperationException($"{Name}: the stream ended.");
            if (line.Length == 0)
            {
                if (name is not null || data.Count > 0)
                {
                    return (name, string.Join('\n', data));
                }

                continue;
            }

            if (line.StartsWith("event:", StringComparison.Ordinal))
            {
                name = line["event:".Length..].Trim();
            }
            else if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                data.Add(line["data:".Length..].TrimStart());
            }
        }
    }
}
