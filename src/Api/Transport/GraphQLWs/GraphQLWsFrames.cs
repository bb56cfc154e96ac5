using CollectionStore.Api.Transport.WebSockets;
using GraphQL;
using GraphQL.SystemTextJson;

namespace CollectionStore.Api.Transport.GraphQLWs;

/// <summary>
/// The graphql-ws operation messages: <c>next {id, payload}</c>, <c>error {id, payload: GraphQLError[]}</c> (which
/// ends the operation: no <c>complete</c> follows) and <c>complete {id}</c>.
/// </summary>
internal sealed class GraphQLWsFrames(GraphQLSerializer serializer) : IProtocolFrames
{
    public bool CompleteAfterError => false;

    public OutgoingMessage Next(string id, ReadOnlyMemory<byte> payload) =>
        new(JsonFrames.Prefix(id, "next"), payload, JsonFrames.ObjectEnd);

    public OutgoingMessage Error(string id, IReadOnlyList<ExecutionError> errors) =>
        OutgoingMessage.Whole(JsonFrames.Message("error", id, JsonFrames.ErrorsArray(serializer, errors)));

    public OutgoingMessage Complete(string id) => OutgoingMessage.Whole(JsonFrames.Message("complete", id));
}
