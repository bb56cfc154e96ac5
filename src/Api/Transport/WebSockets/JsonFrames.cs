using System.Buffers;
using System.Text;
using System.Text.Json;
using GraphQL;
using GraphQL.SystemTextJson;

namespace CollectionStore.Api.Transport.WebSockets;

/// <summary>Builds the small JSON envelopes of the WebSocket protocols without re-serialising payloads.</summary>
internal static class JsonFrames
{
    /// <summary><c>{"id":"…","type":"…","payload":</c>, to be followed by a payload and <see cref="ObjectEnd"/>.</summary>
    public static byte[] Prefix(string id, string type)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("id", id);
            writer.WriteString("type", type);
            writer.WritePropertyName("payload");
            writer.WriteNullValue();
            writer.WriteEndObject();
        }

        // Drop the placeholder "null}" so the caller's payload goes in its place.
        var written = buffer.WrittenSpan;
        return written[..^"null}".Length].ToArray();
    }

    public static readonly byte[] ObjectEnd = "}"u8.ToArray();

    /// <summary>A message with only a type and optionally an id and a raw JSON payload.</summary>
    public static byte[] Message(string type, string? id = null, string? rawPayload = null)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            if (id is not null)
            {
                writer.WriteString("id", id);
            }

            writer.WriteString("type", type);
            if (rawPayload is not null)
            {
                writer.WritePropertyName("payload");
                writer.WriteRawValue(rawPayload);
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The GraphQL errors as the JSON array a result's <c>errors</c> would hold.</summary>
    public static string ErrorsArray(GraphQLSerializer serializer, IReadOnlyList<ExecutionError> errors)
    {
        var result = new ExecutionResult { Errors = [.. errors] };
        using var document = JsonDocument.Parse(serializer.Serialize(result));
        return document.RootElement.GetProperty("errors").GetRawText();
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
