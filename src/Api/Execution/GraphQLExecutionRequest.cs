using System.Text.Json;

namespace CollectionStore.Api.Execution;

/// <summary>
/// One GraphQL request as a transport hands it to <see cref="GraphQLRequestExecutor"/>: the document text, the
/// operation to run, and the raw variables and extensions JSON (null or an object).
/// </summary>
internal sealed record GraphQLExecutionRequest(
    string Query,
    string? OperationName = null,
    JsonElement? Variables = null,
    JsonElement? Extensions = null)
{
    /// <summary>Where the request came from; set by the transport, read by identity resolvers.</summary>
    public Authorization.Identity.ClientInfo Client { get; init; } = Authorization.Identity.ClientInfo.Unknown;
}
