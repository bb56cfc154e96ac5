using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CollectionStore.Api.Tests.Infrastructure;
using CollectionStore.Api.Tests.Transport.Multipart;
using CollectionStore.Api.Tests.Transport.Sse;

namespace CollectionStore.Api.Tests.Authentication;

/// <summary>
/// A live subscription opened with an access token on one transport, and how it ends when the server ends it:
/// the close code and reason of a WebSocket (after the legacy <c>connection_error</c>), or the final error code
/// and message of an SSE or multipart stream.
/// </summary>
public sealed class LiveSubscription : IAsyncDisposable
{
    public static readonly IReadOnlyList<string> Transports = ["graphql-ws", "legacy ws", "sse distinct", "sse single", "multipart"];

    private const string Document = "subscription { noteChanged { kind } }";
    private const string TokenHeader = "X-GraphQL-Event-Stream-Token";

    private readonly Func<Task<string>> _ending;
    private readonly IAsyncDisposable[] _owned;

    private LiveSubscription(string transport, Func<Task<string>> ending, params IAsyncDisposable[] owned)
    {
        Transport = transport;
        _ending = ending;
        _owned = owned;
    }

    public string Transport { get; }

    public static async Task<LiveSubscription> OpenAsync(ApiServer server, string transport, string accessToken)
    {
        switch (transport)
        {
            case "graphql-ws":
            {
                var client = await WsClient.ConnectAsync(server.BaseAddress);
                await client.InitAsync(new { Authorization = $"Bearer {accessToken}" });
                await client.SendAsync(new { id = "1", type = "subscribe", payload = new { query = Document } });
                return new LiveSubscription(transport, async () => Describe(await client.ReceiveCloseAsync()), client);
            }

            case "legacy ws":
            {
                var client = await WsClient.ConnectAsync(server.BaseAddress, "graphql-ws");
                await client.InitAsync(new { authorization = $"Bearer {accessToken}" });
                await client.SendAsync(new { id = "1", type = "start", payload = new { query = Document } });
                return new LiveSubscription(transport, async () =>
                {
                    var error = await client.ReceiveTypeAsync("connection_error");
                    var close = await client.ReceiveCloseAsync();
                    return $"{Describe(close)} after connection_error '{(string?)error["payload"]!["message"]}'";
                }, client);
            }

            case "sse distinct":
            {
                var http = Client(server, accessToken);
                var stream = await SseStream.OpenAsync(http, SseStream.Post(JsonSerializer.Serialize(new { query = Document })));
                Assert.Equal(HttpStatusCode.OK, stream.Response.StatusCode);
                return new LiveSubscription(transport, async () => Describe((await stream.ExpectNextAsync())["errors"]![0]!), stream, new Disposer(http));
            }

            case "sse single":
                return await OpenSingleConnectionAsync(server, accessToken);

            case "multipart":
            {
                var http = Client(server, accessToken);
                var reader = await MultipartReader.OpenAsync(http, new { query = Document });
                Assert.Equal(HttpStatusCode.OK, reader.Response.StatusCode);
                return new LiveSubscription(
                    transport,
                    async () => Describe(JsonNode.Parse((await reader.ReadEventAsync(CancellationToken.None)).Body)!["errors"]![0]!),
                    reader,
                    new Disposer(http));
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(transport), transport, null);
        }
    }

    /// <summary>How the server ended it, e.g. <c>close 4403 Token expired</c> or <c>UNAUTHENTICATED: …</c>.</summary>
    public Task<string> EndingAsync() => _ending();

    public async ValueTask DisposeAsync()
    {
        foreach (var owned in _owned)
        {
            await owned.DisposeAsync();
        }
    }

    private static async Task<LiveSubscription> OpenSingleConnectionAsync(ApiServer server, string accessToken)
    {
        var http = Client(server, accessToken);
        using var reserve = await http.SendAsync(new HttpRequestMessage(HttpMethod.Put, "/graphql"));
        Assert.Equal(HttpStatusCode.Created, reserve.StatusCode);
        var token = await reserve.Content.ReadAsStringAsync();
        var open = SseStream.Get("/graphql");
        open.Headers.Add(TokenHeader, token);
        var stream = await SseStream.OpenAsync(http, open);
        Assert.Equal(HttpStatusCode.OK, stream.Response.StatusCode);
        using var operation = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(
                JsonSerializer.Serialize(new { query = Document, extensions = new { operationId = "op-1" } }), Encoding.UTF8, "application/json"),
        };
        operation.Headers.Add(TokenHeader, token);
        using var accepted = await http.SendAsync(operation);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        return new LiveSubscription("sse single", async () =>
        {
            var next = await stream.ExpectNextAsync();
            Assert.Equal("op-1", (string?)next["id"]);
            var complete = await stream.ExpectEventAsync("complete");
            Assert.Contains("op-1", complete.Data, StringComparison.Ordinal);
            return Describe(next["payload"]!["errors"]![0]!);
        }, stream, new Disposer(http));
    }

    private static HttpClient Client(ApiServer server, string accessToken)
    {
        var client = SseStream.AbortingClient(server.BaseAddress);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    private static string Describe((int Code, string? Reason) close) => $"close {close.Code} {close.Reason}";

    private static string Describe(JsonNode error) => $"{(string?)error["extensions"]?["code"]}: {(string?)error["message"]}";

    private sealed class Disposer(IDisposable disposable) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            disposable.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
