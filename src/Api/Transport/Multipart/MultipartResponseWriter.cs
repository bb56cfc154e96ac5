using System.Buffers;
using System.IO.Pipelines;
using GraphQL;
using GraphQL.SystemTextJson;

namespace CollectionStore.Api.Transport.Multipart;

/// <summary>
/// Drains one <see cref="MultipartSubscriptionSink"/> into the response: every batch of events is flushed at
/// once, a heartbeat part goes out every interval, and when the operation ends the error part (if any) and
/// the close delimiter are written. Cancellation (the client went away) ends the loop with an exception.
/// </summary>
internal sealed class MultipartResponseWriter(GraphQLSerializer serializer, TimeSpan heartbeatInterval, TimeProvider timeProvider)
{
    /// <summary>Streams until the operation ends; returns the number of parts written.</summary>
    public async Task<long> RunAsync(PipeWriter writer, MultipartSubscriptionSink sink, CancellationToken cancellationToken)
    {
        writer.Write(MultipartFraming.Opening);
        if (!await FlushAsync(writer, cancellationToken))
        {
            return 0;
        }

        var parts = 0L;
        using var heartbeat = new PeriodicTimer(heartbeatInterval, timeProvider);
        Task<bool>? ready = null;
        Task<bool>? tick = null;
        while (true)
        {
            var batch = 0;
            while (sink.Events.TryRead(out var subscriptionEvent))
            {
                MultipartFraming.WritePayloadPart(writer, subscriptionEvent.Payload.Span);
                batch++;
            }

            parts += batch;
            if (batch > 0 && !await FlushAsync(writer, cancellationToken))
            {
                return parts;
            }

            // Both waits stay pending across iterations so neither a timer nor a channel waiter leaks per batch.
            ready ??= sink.Events.WaitToReadAsync(cancellationToken).AsTask();
            tick ??= heartbeat.WaitForNextTickAsync(cancellationToken).AsTask();
            if (await Task.WhenAny(ready, tick) == tick)
            {
                await tick;
                tick = null;
                MultipartFraming.WriteHeartbeatPart(writer);
                parts++;
                if (!await FlushAsync(writer, cancellationToken))
                {
                    return parts;
                }

                continue;
            }

            var more = await ready;
            ready = null;
            if (!more)
            {
                break;
            }
        }

        if (sink.Failure is { } errors)
        {
            MultipartFraming.WriteErrorPart(writer, SerializeErrors(errors));
            parts++;
        }

        writer.Write(MultipartFraming.Closing);
        await FlushAsync(writer, cancellationToken);
        return parts;
    }

    private string SerializeErrors(IReadOnlyList<ExecutionError> errors)
    {
        var result = new ExecutionResult { Errors = [.. errors] };
        return serializer.Serialize(result);
    }

    private static async Task<bool> FlushAsync(PipeWriter writer, CancellationToken cancellationToken)
    {
        var flushed = await writer.FlushAsync(cancellationToken);
        return !flushed.IsCanceled && !flushed.IsCompleted;
    }
}
