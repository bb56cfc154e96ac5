using System.Text.Json;

namespace CollectionStore.Api.Transport.Sse.Cluster;

/// <summary>The JSON form of everything single connection mode sends between nodes.</summary>
internal static class SseNodeJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T? Read<T>(string text) => JsonSerializer.Deserialize<T>(text, Options);
}
