using System.Text.Json;
using System.Text.Json.Nodes;
using CollectionStore.Authorization.Identity;

namespace CollectionStore.Api.Bus.Redis;

/// <summary>The JSON form of an identity signal on the <c>identity</c> channel: kind, userId, sessionIds, reason, origin.</summary>
internal static class IdentitySignalCodec
{
    public static string Encode(string origin, IdentitySignal signal) => new JsonObject
    {
        ["kind"] = signal.Kind.ToString(),
        ["userId"] = signal.UserId,
        ["sessionIds"] = new JsonArray([.. signal.SessionIds.Select(id => (JsonNode?)JsonValue.Create(id))]),
        ["reason"] = signal.Reason,
        ["origin"] = origin,
    }.ToJsonString();

    /// <summary>Reads a message; false for anything malformed or of an unknown kind (it is ignored).</summary>
    public static bool TryDecode(string? message, out string origin, out IdentitySignal signal)
    {
        origin = string.Empty;
        signal = null!;
        try
        {
            if (message is null
                || JsonNode.Parse(message) is not JsonObject json
                || !Enum.TryParse<IdentitySignalKind>((string?)json["kind"], ignoreCase: false, out var kind)
                || (string?)json["userId"] is not { } userId
                || (string?)json["origin"] is not { } from)
            {
                return false;
            }

            var sessions = json["sessionIds"] is JsonArray array ? array.Select(node => (string?)node).OfType<string>().ToArray() : [];
            origin = from;
            signal = new IdentitySignal(kind, userId, sessions, (string?)json["reason"] ?? string.Empty);
            return true;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            return false;
        }
    }
}
