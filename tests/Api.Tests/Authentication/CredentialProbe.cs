using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CollectionStore.Api.Tests.Infrastructure;
using CollectionStore.Api.Tests.Transport.Multipart;

namespace CollectionStore.Api.Tests.Authentication;

/// <summary>
/// Presents one credential on one transport and reports whether the server accepted it: 200/ack, or the
/// transport's refusal (401 with UNAUTHENTICATED over HTTP, SSE and multipart; close 4403 on WebSockets, after a
/// <c>connection_error</c> on the legacy protocol). Anything else fails the test.
/// </summary>
public static class CredentialProbe
{
    public static readonly IReadOnlyList<string> Transports =
    [
        "http", "graphql-ws init payload", "graphql-ws upgrade header", "legacy ws init payload",
        "sse distinct header", "sse access_token query", "sse single reservation", "multipart",
    ];

    private const string Query = "{ __typename }";
    private const string Subscription = "subscription { noteChanged { kind } }";

    /// <summary>True when accepted, false when refused the transport's way; <paramref name="authorization"/> is a header value.</summary>
    public static async Task<bool> IsAcceptedAsync(ApiServer server, string transport, string authorization)
    {
        return transport switch
        {
            "http" => await HttpAsync(server, HttpMethod.Post, "/graphql", authorization, Body(Query), "application/json"),
            "graphql-ws init payload" => await GraphQLWsAsync(server, new { Authorization = authorization }, header: null),
            "graphql-ws upgrade header" => await GraphQLWsAsync(server, payload: null, header: authorization),
            "legacy ws init payload" => await LegacyAsync(server, authorization),
            "sse distinct header" => await HttpAsync(server, HttpMethod.Post, "/graphql", authorization, Body(Subscription), "text/event-stream"),
            "sse access_token query" => await HttpAsync(
                server, HttpMethod.Get, $"/graphql?query={Uri.EscapeDataString(Subscription)}&access_token={Uri.EscapeDataString(Token(authorization))}", authorization: null, body: null, "text/event-stream"),
            "sse single reservation" => await HttpAsync(server, HttpMethod.Put, "/graphql", authorization, body: null, "text/plain"),
            "multipart" => await HttpAsync(server, HttpMethod.Post, "/graphql", authorization, Body(Subscription), MultipartReader.ApolloAccept),
            _ => throw new ArgumentOutOfRangeException(nameof(transport), transport, null),
        };
    }

    private static string Body(string query) => JsonSerializer.Serialize(new { query });

    private static string Token(string authorization) =>
        authorization.StartsWith("Bearer ", StringComparison.Ordinal) ? authorization["Bearer ".Length..] : authorization;

    private static async Task<bool> HttpAsync(ApiServer server, HttpMethod method, string path, string? authorization, string? body, string accept)
    {
        using var client = new HttpClient(new SocketsHttpHandler { MaxResponseDrainSize = 0, ResponseDrainTimeout = TimeSpan.Zero })
        {
            BaseAddress = server.BaseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        request.Headers.TryAddWithoutValidation("Accept", accept);
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        if (response.StatusCode == HttpStatusCode.RequestUriTooLong && method == HttpMethod.Get)
        {
            // An oversized token in a URL never reaches the application: the server refuses the request line.
            return false;
        }

        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created, $"{method} {path}: unexpected {(int)response.StatusCode}");
            return true;
        }

        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("UNAUTHENTICATED", (string?)json["errors"]![0]!["extensions"]!["code"]);
        return false;
    }

    private static async Task<bool> GraphQLWsAsync(ApiServer server, object? payload, string? header)
    {
        await using var client = await WsClient.ConnectAsync(server.BaseAddress, authorization: header);
        await client.SendAsync(payload is null ? new { type = "connection_init" } : new { type = "connection_init", payload });
        var reply = await client.ReceiveAsync();
        if (reply is not null)
        {
            Assert.Equal("connection_ack", (string?)reply["type"]);
            return true;
        }

        Assert.Equal(4403, (int?)client.Socket.CloseStatus);
        return false;
    }

    private static async Task<bool> LegacyAsync(ApiServer server, string authorization)
    {
        await using var client = await WsClient.ConnectAsync(server.BaseAddress, "graphql-ws");
        await client.SendAsync(new { type = "connection_init", payload = new { authorization } });
        var reply = await client.ReceiveAsync();
        Assert.NotNull(reply);
        if ((string?)reply["type"] == "connection_ack")
        {
            return true;
        }

        Assert.Equal("connection_error", (string?)reply["type"]);
        var (code, _) = await client.ReceiveCloseAsync();
        Assert.Equal(4403, code);
        return false;
    }
}
