using CollectionStore.Api.Transport.HttpStreams;
using CollectionStore.Api.Transport.Sse.Cluster;

namespace CollectionStore.Api.Transport.Sse;

/// <summary>
/// Picks out the <c>/graphql</c> requests that belong to GraphQL over SSE: PUT and DELETE (single connection
/// mode), any GET/POST carrying a reservation token, and GET/POST whose Accept prefers <c>text/event-stream</c>
/// (distinct connections mode). Everything else is left to GraphQL over HTTP. With Redis configured, single
/// connection mode goes through <see cref="SseClusterEndpoint"/> so a reservation spans nodes.
/// </summary>
internal sealed class SseEndpoint(SseDistinctHandler distinct, SseSingleConnectionHandler single, SseClusterEndpoint? cluster = null)
{
    /// <summary>Every method <c>/graphql</c> answers once SSE is included.</summary>
    public const string AllowedMethods = "GET, POST, PUT, DELETE";

    /// <summary>Handles the request when it is an SSE one; false leaves it to the caller.</summary>
    public async Task<bool> TryHandleAsync(HttpContext context)
    {
        var request = context.Request;
        if (HttpMethods.IsPut(request.Method))
        {
            await (cluster is null ? single.ReserveAsync(context) : cluster.ReserveAsync(context));
            return true;
        }

        if (HttpMethods.IsDelete(request.Method))
        {
            var stopToken = SseToken.Read(request);
            await (cluster is null ? single.StopOperationAsync(context, stopToken) : cluster.StopOperationAsync(context, stopToken));
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
            var handled = cluster is null
                ? (wantsStream ? single.OpenStreamAsync(context, token) : single.ExecuteAsync(context, token, isGet))
                : (wantsStream ? cluster.OpenStreamAsync(context, token) : cluster.ExecuteAsync(context, token, isGet));
            await handled;
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
