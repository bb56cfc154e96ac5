using CollectionStore.Api.Transport.HttpStreams;

namespace CollectionStore.Api.Transport.Sse;

/// <summary>
/// Picks out the <c>/graphql</c> requests that belong to GraphQL over SSE: PUT and DELETE (single connection
/// mode), any GET/POST carrying a reservation token, and GET/POST whose Accept prefers <c>text/event-stream</c>
/// (distinct connections mode). Everything else is left to GraphQL over HTTP.
/// </summary>
internal sealed class SseEndpoint(SseDistinctHandler distinct, SseSingleConnectionHandler single)
{
    /// <summary>Every method <c>/graphql</c> answers once SSE is included.</summary>
    public const string AllowedMethods = "GET, POST, PUT, DELETE";

    /// <summary>Handles the request when it is an SSE one; false leaves it to the caller.</summary>
    public async Task<bool> TryHandleAsync(HttpContext context)
    {
        var request = context.Request;
        if (HttpMethods.IsPut(request.Method))
        {
            await single.ReserveAsync(context);
            return true;
        }

        if (HttpMethods.IsDelete(request.Method))
        {
            await single.StopOperationAsync(context, SseToken.Read(request));
            return true;
        }

        var isGet = HttpMethods.IsGet(request.Method);
        if (!isGet && !HttpMethods.IsPost(request.Method))
        {
            return false;
        }

        var wantsStream = StreamAccept.Prefers(request.Headers.Accept, SseResponse.MediaType);
        if (SseToken.Read(request) is { } token)
        {
            await (wantsStream ? single.OpenStreamAsync(context, token) : single.ExecuteAsync(context, token, isGet));
            return true;
        }

        if (wantsStream)
        {
            await distinct.HandleAsync(context, isGet);
            return true;
        }

        return false;
    }
}
