using GraphQL;
using GraphQLParser.AST;

namespace CollectionStore.Api.Execution;

/// <summary>The result of one request plus what a transport needs to frame it.</summary>
/// <param name="Result">The GraphQL result to serialise.</param>
/// <param name="Kind">How far the request got.</param>
/// <param name="OperationType">The selected operation's type, when the document parsed and one was selected.</param>
internal sealed record GraphQLExecutionOutcome(
    ExecutionResult Result,
    ExecutionOutcomeKind Kind,
    OperationType? OperationType);
