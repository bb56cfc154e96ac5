using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CollectionStore.Api.Transport.Sse;

/// <summary>
/// The messages of GraphQL over SSE (graphql-sse PROTOCOL.md): <c>next</c> and <c>complete</c> events, bare in
/// distinct connections mode and wrapped as <c>{"id":…,"payload":…}</c> in single connection mode, and the
/// <c>:</c> keep-alive comment. The payload is compact JSON, so it always fits on one <c>data:</c> line.
/// </summary>
internal static class SseFrames
{
    private static readonly byte[] NextPrefix = "event: next\ndata: "u8.ToArray();
    private static readonly byte[] EventEnd = "\n\n"u8.ToArray();
    private static readonly byte[] PayloadEnd = "}\n\n"u8.ToArray();

    /// <summary>A comment line: ignored by clients, keeps proxies and the connection from idling out.</summary>
    public static SseFrame KeepAlive { get; } = SseFrame.Whole(":\n\n"u8.ToArray());

    /// <summary>The <c>complete</c> event of distinct mode; the empty <c>data:</c> line makes browsers dispatch it.</summary>
    public static SseFrame Complete { get; } = SseFrame.Whole("event: complete\ndata:\n\n"u8.ToArray());

    /// <summary>A <c>next</c> event; a change event also carries <c>id: sequence</c> so EventSource resumes from it.</summary>
    public static SseFrame Next(ReadOnlyMemory<byte> payload, long? sequence)
    {
        var prefix = sequence is { } id
            ? Encoding.UTF8.GetBytes($"event: next\nid: {id.ToString(CultureInfo.InvariantCulture)}\ndata: ")
            : NextPrefix;
        return new SseFrame(prefix, payload, EventEnd);
    }

    /// <summary>A single-connection <c>next</c>: <c>{"id":"&lt;operationId&gt;","payload":&lt;result&gt;}</c>.</summary>
    public static SseFrame NextFor(string operationId, ReadOnlyMemory<byte> payload) =>
        new(Encoding.UTF8.GetBytes($"event: next\ndata: {{\"id\":{JsonSerializer.Serialize(operationId)},\"payload\":"), payload, PayloadEnd);

    /// <summary>A single-connection <c>complete</c>: <c>{"id":"&lt;operationId&gt;"}</c>.</summary>
    public static SseFrame CompleteFor(string operationId) =>
        SseFrame.Whole(Encoding.UTF8.GetBytes($"event: complete\ndata: {{\"id\":{JsonSerializer.Serialize(operationId)}}}\n\n"));
}
