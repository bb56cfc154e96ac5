using Microsoft.AspNetCore.Http.Features;

namespace CollectionStore.Api.Transport.Sse;

/// <summary>Starts an event-stream response: its headers, no buffering, headers and a first comment flushed at once.</summary>
internal static class SseResponse
{
    public const string MediaType = "text/event-stream";
    public const string ContentType = "text/event-stream; charset=utf-8";

    public static async Task StartAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType;
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        if (HttpProtocol.IsHttp11(context.Request.Protocol) || HttpProtocol.IsHttp10(context.Request.Protocol))
        {
            // Connection-specific headers are forbidden from HTTP/2 on.
            response.Headers.Connection = "keep-alive";
        }

        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        await response.StartAsync(cancellationToken);

        // Some browsers only report the stream open once body bytes arrive; a comment is ignored by every client.
        await SseFrames.KeepAlive.WriteAsync(response.Body, cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }
}
