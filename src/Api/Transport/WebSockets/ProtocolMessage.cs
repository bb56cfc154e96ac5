using System.Text.Json;

namespace CollectionStore.Api.Transport.WebSockets;

/// <summary>Reads the fields every message of both WebSocket sub-protocols has: <c>type</c> and <c>id</c>.</summary>
internal static class ProtocolMessage
{
    /// <summary>The message's <c>type</c>, or null when it is missing or not a string.</summary>
    public static string? Type(JsonElement message) =>
        message.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String ? type.GetString() : null;

    /// <summary>The message's <c>id</c>, or null when it is missing, empty or not a string.</summary>
    public static string? Id(JsonElement message) =>
        message.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() is { Length: > 0 } value ? value : null;
}
