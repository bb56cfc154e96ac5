using GraphQL;

namespace CollectionStore.Api.Transport.WebSockets;

/// <summary>How one WebSocket sub-protocol frames an operation's result, error and completion.</summary>
internal interface IProtocolFrames
{
    /// <summary>A result (<c>next</c>, or <c>data</c> in the legacy protocol) around an already serialised payload.</summary>
    OutgoingMessage Next(string id, ReadOnlyMemory<byte> payload);

    /// <summary>The operation failed; for graphql-ws this ends it and no <c>complete</c> follows.</summary>
    OutgoingMessage Error(string id, IReadOnlyList<ExecutionError> errors);

    OutgoingMessage Complete(string id);

    /// <summary>Whether <see cref="Error"/> must be followed by <see cref="Complete"/> to end the operation.</summary>
    bool CompleteAfterError { get; }
}
