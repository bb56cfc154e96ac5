using CollectionStore.Api.Execution;

namespace CollectionStore.Api.Transport.Http;

/// <summary>Either the GraphQL request read from HTTP, or why the HTTP request is malformed.</summary>
internal sealed record HttpRequestReadResult(GraphQLExecutionRequest? Request, int FailureStatus, string? FailureMessage)
{
    public static HttpRequestReadResult Success(GraphQLExecutionRequest request) => new(request, 0, null);

    public static HttpRequestReadResult Failure(int status, string message) => new(null, status, message);
}
