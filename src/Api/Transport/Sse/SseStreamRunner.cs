using CollectionStore.Api.Subscriptions;
using Microsoft.Extensions.Options;

namespace CollectionStore.Api.Transport.Sse;

/// <summary>
/// Runs one open event stream: starts the response, writes the writer's frames with keep-alive comments until the
/// writer completes, the client goes away or the server stops, and counts it as an open connection meanwhile.
/// </summary>
internal sealed class SseStreamRunner(
    SubscriptionMetrics metrics,
    IOptions<SubscriptionOptions> options,
    TimeProvider time,
    IHostApplicationLifetime lifetime)
{
    public int SendQueueCapacity => options.Value.SendQueueCapacity;

    /// <summary>Streams until the end; returns normally whether the stream completed or the client left.</summary>
    public async Task RunAsync(HttpContext context, SseWriter writer)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        metrics.ConnectionOpened();
        try
        {
            await SseResponse.StartAsync(context, stop.Token);
            await writer.RunAsync(context.Response.Body, time, options.Value.KeepAliveInterval, stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The client closed the stream (that is how it ends a subscription) or the server is stopping.
        }
        catch (IOException)
        {
            // The connection broke while writing; the caller releases everything the same way.
        }
        finally
        {
            writer.Complete();
            metrics.ConnectionClosed();
        }
    }
}
