using System.Text.Json;
using System.Text.Json.Nodes;
using CollectionStore.Api.Tests.Infrastructure;
using CollectionStore.Api.Tests.Transport.Multipart;
using CollectionStore.Api.Tests.Transport.Sse;

namespace CollectionStore.Api.Tests.Cluster.Infrastructure;

/// <summary>
/// A subscriber to <see cref="TwoNodes.NoteChanged"/> on one node over one transport (graphql-ws, SSE distinct
/// connections, multipart), recording every sequence it receives, in arrival order, from a background reader.
/// </summary>
public sealed class ClusterSubscriber : IAsyncDisposable
{
    private readonly Lock _lock = new();
    private readonly List<long> _sequences = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly IAsyncDisposable _owned;
    private readonly HttpClient? _http;
    private Task _reading = Task.CompletedTask;

    private ClusterSubscriber(string name, IAsyncDisposable owned, HttpClient? http)
    {
        Name = name;
        _owned = owned;
        _http = http;
    }

    public string Name { get; }

    /// <summary>Why the reader stopped early, if it did.</summary>
    public string? Failure { get; private set; }

    public IReadOnlyList<long> Sequences
    {
        get
        {
            lock (_lock)
            {
                return [.. _sequences];
            }
        }
    }

    public static async Task<ClusterSubscriber> OpenAsync(ClusterNode node, string transport, string nodeName)
    {
        var name = $"{transport} on {nodeName}";
        switch (transport)
        {
            case "graphql-ws":
                {
                    var client = await WsClient.ConnectAsync(node.BaseUrl);
                    await client.InitAsync();
                    await client.SendAsync(new { id = "1", type = "subscribe", payload = new { query = TwoNodes.NoteChanged } });
                    var subscriber = new ClusterSubscriber(name, client, null);
                    subscriber.Start(() => NextGraphQLWsPayloadAsync(client));
                    return subscriber;
                }

            case "sse":
                {
                    var http = new HttpClient { BaseAddress = node.BaseUrl, Timeout = Timeout.InfiniteTimeSpan };
                    var stream = await SseStream.OpenAsync(http, SseStream.Post(JsonSerializer.Serialize(new { query = TwoNodes.NoteChanged })));
                    var subscriber = new ClusterSubscriber(name, stream, http);
                    subscriber.Start(stream.ExpectNextAsync);
                    return subscriber;
                }

            case "multipart":
                {
                    var http = new HttpClient { BaseAddress = node.BaseUrl, Timeout = Timeout.InfiniteTimeSpan };
                    var reader = await MultipartReader.OpenAsync(http, new { query = TwoNodes.NoteChanged });
                    var subscriber = new ClusterSubscriber(name, reader, http);
                    subscriber.Start(async () => JsonNode.Parse((await reader.ReadEventAsync(subscriber._stop.Token)).Body)!["payload"]!);
                    return subscriber;
                }

            default:
                throw new ArgumentOutOfRangeException(nameof(transport), transport, "Unknown transport.");
        }
    }

    /// <summary>Waits until <paramref name="count"/> sequences arrived.</summary>
    public Task WaitForAsync(int count, TimeSpan timeout) =>
        Eventually.HoldsAsync(() => Sequences.Count >= count || Failure is not null, $"{count} events on {Name}", timeout);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _owned.DisposeAsync();
        await _reading.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _http?.Dispose();
        _stop.Dispose();
    }

    /// <summary>
    /// The payload of the next <c>next</c> message; a <c>ping</c> is answered with <c>pong</c> on the way, as the
    /// graphql-ws client does, so the server keeps a long-lived subscriber's connection open.
    /// </summary>
    private static async Task<JsonNode> NextGraphQLWsPayloadAsync(WsClient client)
    {
        while (true)
        {
            var message = await client.ReceiveAsync() ?? throw new InvalidOperationException($"Closed ({client.Socket.CloseStatus} {client.Socket.CloseStatusDescription}).");
            switch ((string?)message["type"])
            {
                case "next":
                    return message["payload"]!;
                case "ping":
                    await client.SendAsync(new { type = "pong" });
                    break;
                case "pong":
                    break;
                default:
                    throw new InvalidOperationException($"Unexpected message: {message.ToJsonString()}");
            }
        }
    }

    private void Start(Func<Task<JsonNode>> next) => _reading = Task.Run(async () =>
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var payload = await next();
                var sequence = (long)payload["data"]!["noteChanged"]!["sequence"]!;
                lock (_lock)
                {
                    _sequences.Add(sequence);
                }
            }
        }
        catch (Exception ex) when (!_stop.IsCancellationRequested)
        {
            Failure = ex.Message;
        }
        catch (Exception) when (_stop.IsCancellationRequested)
        {
            // Closed by the test.
        }
    });
}
