using CollectionStore.Api.Transport.WebSockets;
using GraphQL;
using GraphQL.SystemTextJson;

namespace CollectionStore.Api.Transport.LegacyWs;

/// <summary>
/// The legacy Apollo operation messages: <c>data {id, payload}</c>, <c>error {id, payload}</c> followed by
/// <c>complete {id}</c> (the legacy client keeps an operation open until it sees <c>complete</c>).
/// </summary>
internal sealed class LegacyWsFrames(GraphQLSerializer serializer) : IProtocolFrames
{
    public bool CompleteAfterError => true;

    public OutgoingMessage Next(string id, ReadOnlyMemory<byte> payload) =>
        new(JsonFrames.Prefix(id, "data"), payload, JsonFrames.ObjectEnd);

    public OutgoingMessage Error(string id, IReadOnlyList<ExecutionError> errors) =>
        OutgoingMessage.Whole(JsonFrames.Message("error", id, JsonFrames.ErrorsArray(serializer, errors)));

    public OutgoingMessage Complete(string id) => OutgoingMessage.Whole(JsonFrames.Message("complete", id));
}
