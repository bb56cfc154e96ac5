using System.Text.Json;

namespace CollectionStore.Api.Tests.Transport.Multipart;

/// <summary>One part of a multipart subscription response: its header block and its JSON body.</summary>
public sealed record MultipartPart(string Headers, string Body)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public bool IsHeartbeat => Body == "{}";
}
