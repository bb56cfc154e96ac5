using CollectionStore.Api.Execution;

namespace CollectionStore.Api.Transport.Http;

/// <summary>
/// Every HTTP status the GraphQL endpoint answers with, in one place, so a profile for the 2026 draft of the
/// spec (422 for validation and coercion failures, 294 for partial results) can replace this one.
/// </summary>
internal sealed class GraphQLHttpStatusProfile
{
    /// <summary>The 2025 GraphQL-over-HTTP rules that graphql-http's audits check.</summary>
    public static GraphQLHttpStatusProfile Current { get; } = new();

    public int MalformedRequest { get; init; } = StatusCodes.Status400BadRequest;

    public int RequestTooLarge { get; init; } = StatusCodes.Status413PayloadTooLarge;

    public int UnsupportedMediaType { get; init; } = StatusCodes.Status415UnsupportedMediaType;

    public int NotAcceptable { get; init; } = StatusCodes.Status406NotAcceptable;

    public int MethodNotAllowed { get; init; } = StatusCodes.Status405MethodNotAllowed;

    /// <summary>A request error (limit, parse, validation, coercion) answered as graphql-response+json.</summary>
    public int RequestErrorWithGraphQLResponse { get; init; } = StatusCodes.Status400BadRequest;

    /// <summary>A request that produced no data because the store could not be reached (<c>STORE_UNAVAILABLE</c>).</summary>
    public int StoreUnavailable { get; init; } = StatusCodes.Status503ServiceUnavailable;

    public int ForOutcome(GraphQLExecutionOutcome outcome, ResponseMediaType mediaType) => outcome.Kind switch
    {
        ExecutionOutcomeKind.OperationNotAllowed => MethodNotAllowed,
        ExecutionOutcomeKind.RequestError when mediaType == ResponseMediaType.GraphQLResponseJson => RequestErrorWithGraphQLResponse,
        _ when IsStoreUnavailable(outcome.Result) => StoreUnavailable,
        _ => StatusCodes.Status200OK,
    };

    // Only a response without any data: a partial result still carries what could be read and stays 200.
    private static bool IsStoreUnavailable(GraphQL.ExecutionResult result) =>
        result.Data is null && result.Errors is { Count: > 0 } errors
        && errors.Any(e => string.Equals(e.Code, Domain.Store.StoreUnavailableCode.Value, StringComparison.Ordinal));
}
