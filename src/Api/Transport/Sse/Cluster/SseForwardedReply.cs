namespace CollectionStore.Api.Transport.Sse.Cluster;

/// <summary>What the stream's node answered to a forwarded request: status, the headers that matter and the body.</summary>
internal sealed record SseForwardedReply(int Status, string? ContentType, string? Allow, byte[] Body)
{
    public bool IsSuccess => Status is >= 200 and < 300;

    public static SseForwardedReply From(HttpContext context)
    {
        var response = context.Response;
        var body = response.Body is MemoryStream buffer ? buffer.ToArray() : [];
        var allow = response.Headers.Allow;
        return new SseForwardedReply(response.StatusCode, response.ContentType, allow.Count > 0 ? allow.ToString() : null, body);
    }

    /// <summary>Gives the reply to the client as the stream's node would have.</summary>
    public async Task WriteAsync(HttpContext context)
    {
        var response = context.Response;
        response.StatusCode = Status;
        if (ContentType is not null)
        {
            response.ContentType = ContentType;
        }

        if (Allow is not null)
        {
            response.Headers.Allow = Allow;
        }

        if (Body.Length > 0)
        {
            await response.Body.WriteAsync(Body, context.RequestAborted);
        }
    }
}
