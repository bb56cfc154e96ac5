using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace CollectionStore.Api.Tests.Transport.Multipart;

/// <summary>
/// A raw client of one multipart subscription: POSTs the operation, then reads the response body as it
/// arrives and cuts it into parts at <c>\r\n--graphql</c>, keeping every byte for framing assertions.
/// </summary>
public sealed class MultipartReader : IAsyncDisposable
{
    public const string ApolloAccept = "multipart/mixed;boundary=\"graphql\";subscriptionSpec=1.0,application/json";
    private const string Delimiter = "\r\n--graphql";

    private readonly HttpResponseMessage _response;
    private readonly Stream _body;
    private readonly Decoder _decoder = Encoding.UTF8.GetDecoder();
    private readonly StringBuilder _raw = new();
    private readonly byte[] _chunk = new byte[8192];
    private int _position;
    private bool _ended;

    private MultipartReader(HttpResponseMessage response, Stream body)
    {
        _response = response;
        _body = body;
    }

    public HttpResponseMessage Response => _response;

    /// <summary>Everything received so far, decoded.</summary>
    public string Raw => _raw.ToString();

    /// <summary>True once the close delimiter <c>--graphql--</c> was read.</summary>
    public bool Terminated { get; private set; }

    public static async Task<MultipartReader> OpenAsync(HttpClient client, object body, string accept = ApolloAccept, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Accept", accept);
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        return new MultipartReader(response, stream);
    }

    public MediaTypeHeaderValue? ContentType => _response.Content.Headers.ContentType;

    /// <summary>The next part, or null when the stream closed (check <see cref="Terminated"/>).</summary>
    public async Task<MultipartPart?> ReadPartAsync(CancellationToken cancellationToken)
    {
        await FillUntilAsync(() => Opened(), cancellationToken);
        while (true)
        {
            var text = Raw;
            if (text.AsSpan(_position).StartsWith("--\r\n"))
            {
                Terminated = true;
                return null;
            }

            var end = text.IndexOf(Delimiter, _position, StringComparison.Ordinal);
            if (end >= 0)
            {
                var segment = text[_position..end];
                _position = end + Delimiter.Length;
                var split = segment.IndexOf("\r\n\r\n", StringComparison.Ordinal);
                Assert.True(segment.StartsWith("\r\n", StringComparison.Ordinal) && split > 0, $"Malformed part: {segment}");
                return new MultipartPart(segment[2..split], segment[(split + 4)..]);
            }

            if (_ended || !await ReadChunkAsync(cancellationToken))
            {
                return null;
            }
        }
    }

    /// <summary>The next part that is not a heartbeat.</summary>
    public async Task<MultipartPart> ReadEventAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var part = await ReadPartAsync(cancellationToken) ?? throw new InvalidOperationException($"The stream ended: {Raw}");
            if (!part.IsHeartbeat)
            {
                return part;
            }
        }
    }

    /// <summary>Reads the body to its end.</summary>
    public async Task ReadToEndAsync(CancellationToken cancellationToken)
    {
        while (await ReadChunkAsync(cancellationToken))
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _body.DisposeAsync();
        _response.Dispose();
    }

    private bool Opened()
    {
        if (_position == 0 && _raw.Length >= "--graphql".Length)
        {
            Assert.StartsWith("--graphql", Raw, StringComparison.Ordinal);
            _position = "--graphql".Length;
        }

        return _position > 0;
    }

    private async Task FillUntilAsync(Func<bool> condition, CancellationToken cancellationToken)
    {
        while (!condition())
        {
            if (!await ReadChunkAsync(cancellationToken))
            {
                throw new InvalidOperationException($"The stream ended early: {Raw}");
            }
        }
    }

    private async Task<bool> ReadChunkAsync(CancellationToken cancellationToken)
    {
        var read = await _body.ReadAsync(_chunk, cancellationToken);
        if (read == 0)
        {
            _ended = true;
            return false;
        }

        var chars = new char[_decoder.GetCharCount(_chunk, 0, read)];
        _decoder.GetChars(_chunk, 0, read, chars, 0);
        _raw.Append(chars);
        return true;
    }
}
