using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CollectionStore.Domain.Documents;

namespace CollectionStore.Domain.Filtering;

/// <summary>
/// Opaque keyset cursors: base64url of <c>{"s": sort fingerprint, "k": [sort key values], "i": id}</c>. The
/// fingerprint makes a cursor issued for one order unusable with another (<see cref="InvalidCursorException"/>).
/// </summary>
public static class CursorCodec
{
    public static string Encode(IReadOnlyList<SortField> sort, Document doc)
    {
        var keys = new JsonArray();
        foreach (var field in sort)
        {
            keys.Add(DocumentValues.Get(doc, field.Path)?.DeepClone());
        }

        var payload = new JsonObject { ["s"] = Fingerprint(sort), ["k"] = keys, ["i"] = doc.Id };
        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload.ToJsonString()));
    }

    public static DecodedCursor Decode(IReadOnlyList<SortField> sort, string cursor)
    {
        var payload = Parse(cursor);
        if (payload["s"] is not JsonValue fingerprint || fingerprint.GetValueKind() != JsonValueKind.String
            || payload["i"] is not JsonValue id || id.GetValueKind() != JsonValueKind.String
            || payload["k"] is not JsonArray keys || payload.Count != 3)
        {
            throw new InvalidCursorException("The cursor is not valid.");
        }

        if (!string.Equals(fingerprint.GetValue<string>(), Fingerprint(sort), StringComparison.Ordinal) || keys.Count != sort.Count)
        {
            throw new InvalidCursorException("The cursor was issued for a different sort order.");
        }

        foreach (var key in keys)
        {
            if (key is not null && (key is not JsonValue value || value.GetValueKind() is JsonValueKind.Null or JsonValueKind.Undefined))
            {
                throw new InvalidCursorException("The cursor is not valid.");
            }
        }

        return new DecodedCursor([.. keys.Select(k => k?.DeepClone())], id.GetValue<string>());
    }

    private static JsonObject Parse(string cursor)
    {
        try
        {
            return JsonNode.Parse(Base64Url.DecodeFromChars(cursor)) as JsonObject
                ?? throw new InvalidCursorException("The cursor is not valid.");
        }
        catch (Exception e) when (e is FormatException or JsonException or ArgumentException)
        {
            throw new InvalidCursorException("The cursor is not valid.");
        }
    }

    private static string Fingerprint(IReadOnlyList<SortField> sort)
    {
        var text = string.Join(",", sort.Select(f => string.Join(".", f.Path) + (f.Descending ? ":desc" : ":asc")));
        return Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 9));
    }
}
