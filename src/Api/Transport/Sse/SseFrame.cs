namespace CollectionStore.Api.Transport.Sse;

/// <summary>
/// One event-stream message: an envelope prefix, an optional payload shared with other subscribers (the cohort's
/// serialised result, never copied) and a suffix, written back to back.
/// </summary>
internal readonly record struct SseFrame(ReadOnlyMemory<byte> Prefix, ReadOnlyMemory<byte> Payload, ReadOnlyMemory<byte> Suffix)
{
    public static SseFrame Whole(ReadOnlyMemory<byte> message) => new(message, ReadOnlyMemory<byte>.Empty, ReadOnlyMemory<byte>.Empty);

    public async ValueTask WriteAsync(Stream body, CancellationToken cancellationToken)
    {
        await body.WriteAsync(Prefix, cancellationToken);
        if (!Payload.IsEmpty)
        {
            await body.WriteAsync(Payload, cancellationToken);
        }

        if (!Suffix.IsEmpty)
        {
            await body.WriteAsync(Suffix, cancellationToken);
        }
    }
}
