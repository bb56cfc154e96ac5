namespace CollectionStore.Api.Transport.Sse.Cluster;

/// <summary>
/// Runs a single-connection request that arrived through another node on this node, through the same handler and
/// with the same checks as a local one (the caller must own the reservation; the operation runs as the caller).
/// Requests queued before the stream connected run here too, once it has; since their client already got its 202,
/// anything they would have answered with an error status goes to the stream as that operation's error instead.
/// </summary>
internal sealed class SseRemoteRunner(SseSingleConnectionHandler handler, IServiceScopeFactory scopes)
{
    public async Task<SseForwardedReply> RunAsync(SseForwardedRequest request)
    {
        await using var scope = scopes.CreateAsyncScope();
        var context = request.ToContext(scope.ServiceProvider);
        if (HttpMethods.IsDelete(request.Method))
        {
            await handler.StopOperationAsync(context, request.Token);
        }
        else
        {
            await handler.ExecuteAsync(context, request.Token, request.IsGet);
        }

        return SseForwardedReply.From(context);
    }

    /// <summary>Runs the queued requests in the order they were POSTed.</summary>
    public async Task RunQueuedAsync(SseReservation reservation, IReadOnlyList<string> queued)
    {
        foreach (var text in queued)
        {
            if (SseNodeJson.Read<SseForwardedRequest>(text) is not { } request)
            {
                continue;
            }

            var reply = await RunAsync(request);
            if (!reply.IsSuccess && request.OperationId is { } operationId && reply.Body.Length > 0)
            {
                // Every error answer is a GraphQL response ({"errors": […]}), so it is the operation's result as is.
                reservation.Writer.TryEnqueueControl(SseFrames.NextFor(operationId, reply.Body));
                reservation.Writer.TryEnqueueControl(SseFrames.CompleteFor(operationId));
            }
        }
    }
}
