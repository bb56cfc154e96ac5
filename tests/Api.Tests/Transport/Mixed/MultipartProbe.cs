using System.Text.Json.Nodes;
using CollectionStore.Api.Tests.Transport.Multipart;

namespace CollectionStore.Api.Tests.Transport.Mixed;

/// <summary>A subscription over Apollo multipart: the ExecutionResult is the part's <c>payload</c>.</summary>
public sealed class MultipartProbe(MultipartReader reader) : ITransportProbe
{
    public string Name => "multipart";

    public async Task<JsonNode> ReceiveResultAsync(CancellationToken cancellationToken)
    {
        var part = await reader.ReadEventAsync(cancellationToken);
        return JsonNode.Parse(part.Body)!["payload"]!.DeepClone();
    }

    public ValueTask DisposeAsync() => reader.DisposeAsync();
}
