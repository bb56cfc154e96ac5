using GraphQL;
using GraphQL.SystemTextJson;

namespace CollectionStore.Api.Transport.WebSockets;

/// <summary>
/// How a WebSocket sub-protocol frames an operation's messages. The two protocols differ only in the name of the
/// result message and in whether an error ends the operation by itself:
/// graphql-ws sends <c>next</c> and its <c>error</c> is final (no <c>complete</c> follows);
/// the legacy Apollo protocol sends <c>data</c>, and its client keeps an operation open until <c>complete</c>.
/// </summary>
internal sealed class OperationFrames
{
    private readonly GraphQLSerializer _serializer;
    private readonly string _resultType;

    private OperationFrames(GraphQLSerializer serializer, string resultType, bool completeAfterError)
    {
        _serializer = serializer;
        _resultType = resultType;
        CompleteAfterError = completeAfterError;
    }

    /// <summary>Whether <see cref="Error"/> must be followed by <see cref="Complete"/> to end the operation.</summary>
    public bool CompleteAfterError { get; }

    public static OperationFrames GraphQLWs(GraphQLSerializer serializer) => new(serializer, "next", completeAfterError: false);

    public static OperationFrames Legacy(GraphQLSerializer serializer) => new(serializer, "data", completeAfterError: true);

    /// <summary>A result around an already serialised payload, which is shared and never copied.</summary>
    public OutgoingMessage Next(string id, ReadOnlyMemory<byte> payload) => Next(NextPrefix(id), payload);

    /// <summary>The envelope before a result's payload; an operation builds it once for all its events.</summary>
    public byte[] NextPrefix(string id) => JsonFrames.Prefix(id, _resultType);

    /// <summary>A result around an already serialised payload, with the operation's prebuilt envelope.</summary>
    public static OutgoingMessage Next(byte[] prefix, ReadOnlyMemory<byte> payload) => new(prefix, payload, JsonFrames.ObjectEnd);

    public OutgoingMessage Error(string id, IReadOnlyList<ExecutionError> errors) =>
        OutgoingMessage.Whole(JsonFrames.Message("error", id, JsonFrames.ErrorsArray(_serializer, errors)));

    public static OutgoingMessage Complete(string id) => OutgoingMessage.Whole(JsonFrames.Message("complete", id));
}
