using System.Buffers;
using System.IO.Pipelines;
using System.Text;

namespace CollectionStore.Api.Transport.Multipart;

/// <summary>
/// The bytes of an Apollo multipart subscription response (PROTOCOLS.md §5). Every part is written together
/// with the delimiter that follows it, because Apollo Client only hands a part over once it has seen the next
/// <c>\r\n--graphql</c>; ending each write with it delivers an event at once instead of at the next heartbeat.
/// On the wire this is exactly <c>--graphql CRLF headers CRLF CRLF body CRLF</c> per part and a final
/// <c>--graphql--</c>.
/// </summary>
internal static class MultipartFraming
{
    public const string ResponseContentType = "multipart/mixed;boundary=\"graphql\";subscriptionSpec=1.0";

    /// <summary>The first boundary, written as soon as the stream opens.</summary>
    public static ReadOnlySpan<byte> Opening => "--graphql"u8;

    /// <summary>The part headers that follow a boundary, up to and including the blank line.</summary>
    public static ReadOnlySpan<byte> PartHeaders => "\r\nContent-Type: application/json; charset=utf-8\r\n\r\n"u8;

    /// <summary>The delimiter after a part: the next part or the closing marker follows it.</summary>
    public static ReadOnlySpan<byte> Delimiter => "\r\n--graphql"u8;

    /// <summary>Turns the last delimiter into the close delimiter <c>--graphql--</c>.</summary>
    public static ReadOnlySpan<byte> Closing => "--\r\n"u8;

    public static ReadOnlySpan<byte> PayloadPrefix => "{\"payload\":"u8;

    public static ReadOnlySpan<byte> Heartbeat => "{}"u8;

    /// <summary>Writes one event part: <c>{"payload": &lt;ExecutionResult&gt;}</c>.</summary>
    public static void WritePayloadPart(PipeWriter writer, ReadOnlySpan<byte> executionResultJson)
    {
        writer.Write(PartHeaders);
        writer.Write(PayloadPrefix);
        writer.Write(executionResultJson);
        writer.Write("}"u8);
        writer.Write(Delimiter);
    }

    /// <summary>Writes the heartbeat part <c>{}</c>.</summary>
    public static void WriteHeartbeatPart(PipeWriter writer)
    {
        writer.Write(PartHeaders);
        writer.Write(Heartbeat);
        writer.Write(Delimiter);
    }

    /// <summary>
    /// Writes a transport-level error part <c>{"payload":null,"errors":[…]}</c> from the serialised result
    /// <c>{"errors":[…]}</c> of the same errors.
    /// </summary>
    public static void WriteErrorPart(PipeWriter writer, string errorsResultJson)
    {
        writer.Write(PartHeaders);
        writer.Write("{\"payload\":null,"u8);
        writer.Write(Encoding.UTF8.GetBytes(errorsResultJson.TrimStart()[1..]));
        writer.Write(Delimiter);
    }
}
