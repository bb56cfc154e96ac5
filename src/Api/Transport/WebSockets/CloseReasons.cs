using System.Text;

namespace CollectionStore.Api.Transport.WebSockets;

/// <summary>A WebSocket close reason may hold at most 123 bytes of UTF-8 (RFC 6455 §5.5: 125 minus the code).</summary>
internal static class CloseReasons
{
    public const int MaxBytes = 123;

    public static string Truncate(string reason)
    {
        if (Encoding.UTF8.GetByteCount(reason) <= MaxBytes)
        {
            return reason;
        }

        var length = reason.Length;
        while (Encoding.UTF8.GetByteCount(reason.AsSpan(0, length)) > MaxBytes)
        {
            length--;
        }

        // Never cut a surrogate pair in half.
        if (length > 0 && char.IsHighSurrogate(reason[length - 1]))
        {
            length--;
        }

        return reason[..length];
    }
}
