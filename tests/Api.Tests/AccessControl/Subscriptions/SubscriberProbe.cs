using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CollectionStore.Api.Tests.Infrastructure;

namespace CollectionStore.Api.Tests.AccessControl.Subscriptions;

/// <summary>
/// One subscription of one signed-in (or anonymous) user on one transport, read in the background: every
/// ExecutionResult it delivers, and how it ended (the final error, or a plain completion).
/// </summary>
public sealed class SubscriberProbe : IAsyncDisposable
{
    public static readonly IReadOnlyList<string> Transports = ["graphql-ws", "legacy ws", "sse distinct", "sse single", "multipart"];

    private readonly Lock _lock = new();
    private readonly List<JsonNode> _results = [];
    private readonly TaskCompletionSource<JsonNode?> _ending = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<IDisposable> _owned = [];
    private Task _reading = Task.CompletedTask;

    private SubscriberProbe(string transport) => Transport = transport;

    public string Transport { get; }

    /// <summary>The ExecutionResults received so far, in order.</summary>
    public IReadOnlyList<JsonNode> Results
    {
        get
        {
            lock (_lock)
            {
                return [.. _results];
            }
        }
    }

    /// <summary>The error that ended the subscription (null once it completed normally); unset while it runs.</summary>
    public Task<JsonNode?> Ending => _ending.Task;

    public static async Task<SubscriberProbe> OpenAsync(ApiServer server, string transport, string? accessToken, string query, object? variables = null)
    {
        var probe = new SubscriberProbe(transport);
        var payload = new JsonObject { ["query"] = query, ["variables"] = JsonSerializer.SerializeToNode(variables) };
        probe._reading = transport switch
        {
            "graphql-ws" or "legacy ws" => await probe.StartWebSocketAsync(server, transport == "legacy ws", accessToken, payload),
            "sse distinct" => await probe.StartSseAsync(server, accessToken, payload, single: false),
            "sse single" => await probe.StartSseAsync(server, accessToken, payload, single: true),
            "multipart" => await probe.StartMultipartAsync(server, accessToken, payload),
            _ => throw new ArgumentOutOfRangeException(nameof(transport), transport, null),
        };
        return probe;
    }

    /// <summary>Waits until at least <paramref name="count"/> results arrived (or fails with what did).</summary>
    public Task WaitForResultsAsync(int count) =>
        Eventually.HoldsAsync(() => Results.Count >= count || _ending.Task.IsCompleted && Results.Count < count, $"{Transport}: {count} results");

    /// <summary>The ending's <c>extensions.code</c>, waited for with a deadline.</summary>
    public async Task<string?> EndingCodeAsync()
    {
        var error = await _ending.Task.WaitAsync(Eventually.DefaultTimeout);
        return (string?)error?["extensions"]?["code"];
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _reading;
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or WebSocketException or HttpRequestException)
        {
            // Stopped while reading.
        }

        foreach (var owned in _owned)
        {
            owned.Dispose();
        }

        _stop.Dispose();
    }

    private void Add(JsonNode result)
    {
        lock (_lock)
        {
            _results.Add(result);
        }
    }

    private void End(JsonNode? error) => _ending.TrySetResult(error?.DeepClone());

    private HttpClient Client(ApiServer server, string? accessToken)
    {
        var client = new HttpClient(new SocketsHttpHandler { MaxResponseDrainSize = 0, ResponseDrainTimeout = TimeSpan.Zero }) { BaseAddress = server.BaseAddress };
        if (accessToken is not null)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", accessToken);
        }

        _owned.Add(client);
        return client;
    }

    private async Task<Task> StartWebSocketAsync(ApiServer server, bool legacy, string? accessToken, JsonObject payload)
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol(legacy ? "graphql-ws" : "graphql-transport-ws");
        _owned.Add(socket);
        var uri = new UriBuilder(server.BaseAddress) { Scheme = "ws", Path = "/graphql" }.Uri;
        await socket.ConnectAsync(uri, _stop.Token);
        object init = accessToken is null
            ? new { type = "connection_init" }
            : legacy ? new { type = "connection_init", payload = new { authorization = $"Bearer {accessToken}" } }
            : new { type = "connection_init", payload = new { Authorization = $"Bearer {accessToken}" } };
        await SendAsync(socket, init);
        while ((string?)(await ReceiveAsync(socket))?["type"] != "connection_ack")
        {
        }

        await SendAsync(socket, new { id = "1", type = legacy ? "start" : "subscribe", payload });
        return ReadWebSocketAsync(socket, legacy ? "data" : "next");
    }

    private async Task ReadWebSocketAsync(ClientWebSocket socket, string resultType)
    {
        while (await ReceiveAsync(socket) is { } message)
        {
            var type = (string?)message["type"];
            if (type == resultType)
            {
                Add(message["payload"]!.DeepClone());
            }
            else if (type == "error")
            {
                End(message["payload"] is JsonArray errors ? errors[0] : message["payload"]);
            }
            else if (type == "complete")
            {
                End(null);
            }
            else if (type == "ping")
            {
                await SendAsync(socket, new { type = "pong" });
            }
        }

        End(new JsonObject { ["message"] = $"closed {socket.CloseStatus} {socket.CloseStatusDescription}" });
    }

    private async Task<Task> StartSseAsync(ApiServer server, string? accessToken, JsonObject payload, bool single)
    {
        const string tokenHeader = "X-GraphQL-Event-Stream-Token";
        var client = Client(server, accessToken);
        HttpRequestMessage open;
        string? token = null;
        if (single)
        {
            using var reserve = await client.SendAsync(new HttpRequestMessage(HttpMethod.Put, "/graphql"), _stop.Token);
            token = await reserve.Content.ReadAsStringAsync(_stop.Token);
            open = new HttpRequestMessage(HttpMethod.Get, "/graphql");
            open.Headers.Add(tokenHeader, token);
        }
        else
        {
            open = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = Json(payload) };
        }

        open.Headers.TryAddWithoutValidation("Accept", "text/event-stream");
        var response = await client.SendAsync(open, HttpCompletionOption.ResponseHeadersRead, _stop.Token);
        open.Dispose();
        _owned.Add(response);
        var reader = new StreamReader(await response.Content.ReadAsStreamAsync(_stop.Token), Encoding.UTF8);
        _owned.Add(reader);
        if (single)
        {
            payload["extensions"] = new JsonObject { ["operationId"] = "op-1" };
            using var operation = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = Json(payload) };
            operation.Headers.Add(tokenHeader, token);
            using var accepted = await client.SendAsync(operation, _stop.Token);
            Assert.True(accepted.IsSuccessStatusCode, $"sse single: the operation was not accepted ({accepted.StatusCode})");
        }

        return ReadSseAsync(reader, single);
    }

    private async Task ReadSseAsync(StreamReader reader, bool single)
    {
        string? name = null;
        var data = new StringBuilder();
        while (await reader.ReadLineAsync(_stop.Token) is { } line)
        {
            if (line.StartsWith("event:", StringComparison.Ordinal))
            {
                name = line["event:".Length..].Trim();
            }
            else if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                data.Append(line["data:".Length..].TrimStart());
            }
            else if (line.Length == 0 && name is not null)
            {
                if (name == "next")
                {
                    var node = JsonNode.Parse(data.ToString())!;
                    Take(single ? node["payload"]! : node);
                }
                else if (name == "complete")
                {
                    End(null);
                }

                (name, data) = (null, new StringBuilder());
            }
        }

        End(new JsonObject { ["message"] = "the stream ended" });
    }

    private async Task<Task> StartMultipartAsync(ApiServer server, string? accessToken, JsonObject payload)
    {
        var client = Client(server, accessToken);
        var reader = await Tests.Transport.Multipart.MultipartReader.OpenAsync(client, payload, cancellationToken: _stop.Token);
        if (reader.ContentType?.MediaType != "multipart/mixed")
        {
            // Refused before streaming: a plain GraphQL response.
            await reader.ReadToEndAsync(_stop.Token);
            End(JsonNode.Parse(reader.Raw)!["errors"]![0]);
            await reader.DisposeAsync();
            return Task.CompletedTask;
        }

        return ReadMultipartAsync(reader);
    }

    private async Task ReadMultipartAsync(Tests.Transport.Multipart.MultipartReader reader)
    {
        await using (reader)
        {
            while (await reader.ReadPartAsync(_stop.Token) is { } part)
            {
                if (part.IsHeartbeat)
                {
                    continue;
                }

                var body = JsonNode.Parse(part.Body)!;
                if (body["payload"] is { } result)
                {
                    Add(result.DeepClone());
                }
                else
                {
                    End(body["errors"]![0]);
                }
            }
        }

        End(null);
    }

    /// <summary>An SSE <c>next</c>: a result, or (no data, only errors) the error that ends the operation.</summary>
    private void Take(JsonNode result)
    {
        if (result["data"] is null && result["errors"] is JsonArray errors)
        {
            End(errors[0]);
        }
        else
        {
            Add(result.DeepClone());
        }
    }

    private static StringContent Json(JsonNode payload) => new(payload.ToJsonString(), Encoding.UTF8, "application/json");

    private async Task SendAsync(ClientWebSocket socket, object message) =>
        await socket.SendAsync(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(message)), WebSocketMessageType.Text, true, _stop.Token);

    private async Task<JsonObject?> ReceiveAsync(ClientWebSocket socket)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, _stop.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return JsonNode.Parse(message.ToArray())!.AsObject();
            }
        }
    }
}
