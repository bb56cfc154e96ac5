namespace CollectionStore.Api.Transport.Sse.Cluster;

/// <summary>
/// Reads a request body once, at most one byte beyond the request limit (so "too large" is still recognisable),
/// and puts the bytes back as the body so the request reader sees them as if unread.
/// </summary>
internal static class SseRequestBody
{
    public static async Task<byte[]> CaptureAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while (buffer.Length <= maxBytes && (read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
        }

        var body = buffer.ToArray();
        request.Body = new MemoryStream(body, writable: false);
        return body;
    }
}
