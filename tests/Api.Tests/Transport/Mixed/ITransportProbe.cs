using System.Text.Json.Nodes;

namespace CollectionStore.Api.Tests.Transport.Mixed;

/// <summary>One subscribed operation on one transport, reduced to "the next ExecutionResult it delivers".</summary>
public interface ITransportProbe : IAsyncDisposable
{
    string Name { get; }

    Task<JsonNode> ReceiveResultAsync(CancellationToken cancellationToken);
}
