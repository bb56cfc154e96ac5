using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace CollectionStore.Api.Tests.Transport.Sse;

/// <summary>
/// An open event-stream response read incrementally: every read has a deadline, comments are counted, and the raw
/// text is kept so tests can assert the exact framing.
/// </summary>
internal sealed class SseStream : IAsyncDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);

    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;
    private readonly StringBuilder _raw = new();

    private SseStream(HttpResponseMessage response, Stream body)
    {
        _response = response;
        _reader = new StreamReader(body, Encoding.UTF8);
    }

    public HttpResponseMessage Response => _response;

    public int Comments { get; private set; }

    public string Raw => _raw.ToString();

    public static async Task<SseStream> OpenAsync(HttpClient client, HttpRequestMessage request)
    {
        using var timeout = new CancellationTokenSource(Deadline);
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        return new SseStream(response, await response.Content.ReadAsStreamAsync(timeout.Token));
    }

    /// <summary>
    /// A client that closes the connection as soon as a response is disposed, as a browser closing an EventSource
    /// does (HttpClient's default first tries to drain the rest of the response for up to 2 s).
    /// </summary>
    public static HttpClient AbortingClient(Uri baseAddress) =>
        new(new SocketsHttpHandler { MaxResponseDrainSize = 0, ResponseDrainTimeout = TimeSpan.Zero }) { BaseAddress = baseAddress };

    public static HttpRequestMessage Post(string body, string accept = "text/event-stream", string path = "/graphql")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Accept", accept);
        return request;
    }

    public static HttpRequestMessage Get(string pathAndQuery, string accept = "text/event-stream")
    {
        var request = new HttpRequestMessage(HttpMethod.Get, pathAndQuery);
        request.Headers.TryAddWithoutValidation("Accept", accept);
        return request;
    }

    /// <summary>The next event, skipping comments; null when the stream ended.</summary>
    public async Task<SseEvent?> ReadEventAsync()
    {
        using var timeout = new CancellationTokenSource(Deadline);
        string? name = null, id = null;
        var data = new List<string>();
        var raw = new StringBuilder();
        while (await _reader.ReadLineAsync(timeout.Token) is { } line)
        {
            _raw.Append(line).Append('\n');
            raw.Append(line).Append('\n');
            if (line.Length == 0)
            {
                if (name is not null || data.Count > 0)
                {
                    return new SseEvent(name ?? "message", id, string.Join('\n', data), raw.ToString());
                }

                raw.Clear();
                continue;
            }

            if (line[0] == ':')
            {
                Comments++;
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var field = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? string.Empty : line[(colon + 1)..].TrimStart(' ');
            switch (field)
            {
                case "event": name = value; break;
                case "id": id = value; break;
                case "data": data.Add(value); break;
            }
        }

        return null;
    }

    public async Task<SseEvent> ExpectEventAsync(string name)
    {
        var next = await ReadEventAsync();
        Assert.NotNull(next);
        Assert.Equal(name, next.Event);
        return next;
    }

    public async Task<JsonNode> ExpectNextAsync() => JsonNode.Parse((await ExpectEventAsync("next")).Data)!;

    /// <summary>Reads until <paramref name="count"/> comments have been seen in total.</summary>
    public async Task WaitForCommentsAsync(int count)
    {
        using var timeout = new CancellationTokenSource(Deadline);
        while (Comments < count)
        {
            var line = await _reader.ReadLineAsync(timeout.Token);
            Assert.NotNull(line);
            _raw.Append(line).Append('\n');
            if (line.StartsWith(':'))
            {
                Comments++;
            }
        }
    }

    public static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : string.Empty;

    public MediaTypeHeaderValue? ContentType => _response.Content.Headers.ContentType;

    public ValueTask DisposeAsync()
    {
        _reader.Dispose();
        _response.Dispose();
        return ValueTask.CompletedTask;
    }
}
