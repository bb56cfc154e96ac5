using System.Globalization;

namespace CollectionStore.Api.Bus.Redis;

/// <summary>
/// The compact wire form of a change notice on the Redis channel: <c>origin\nsequence\ncollection\nid</c>. The
/// document id goes last so any character it holds survives; the rest is read from the store's change feed.
/// </summary>
internal static class RedisNoticeCodec
{
    private const char Separator = '\n';

    public static string Encode(string origin, ChangeNotice notice) =>
        string.Create(CultureInfo.InvariantCulture, $"{origin}{Separator}{notice.Sequence}{Separator}{notice.Collection}{Separator}{notice.DocumentId}");

    /// <summary>Reads a message; false for anything malformed (it is ignored: the feed still has the change).</summary>
    public static bool TryDecode(string? message, out string origin, out ChangeNotice notice)
    {
        origin = string.Empty;
        notice = null!;
        var parts = message?.Split(Separator, 4);
        if (parts is not { Length: 4 } || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
        {
            return false;
        }

        origin = parts[0];
        notice = new ChangeNotice(sequence, parts[2], parts[3], null);
        return true;
    }
}
