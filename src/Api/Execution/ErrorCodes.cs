namespace CollectionStore.Api.Execution;

/// <summary>The <c>extensions.code</c> values the executor and the transports put on errors they raise.</summary>
internal static class ErrorCodes
{
    public const string DocumentTooLarge = "DOCUMENT_TOO_LARGE";
    public const string MaxTokensExceeded = "MAX_TOKENS_EXCEEDED";
    public const string MaxParserDepthExceeded = "MAX_PARSER_DEPTH_EXCEEDED";
    public const string MaxDepthExceeded = "MAX_DEPTH_EXCEEDED";
    public const string MaxComplexityExceeded = "MAX_COMPLEXITY_EXCEEDED";
    public const string MaxAliasesExceeded = "MAX_ALIASES_EXCEEDED";
    public const string MaxVariablesDepthExceeded = "MAX_VARIABLES_DEPTH_EXCEEDED";
    public const string Timeout = "TIMEOUT";
    public const string OperationNotAllowed = "OPERATION_NOT_ALLOWED";
    public const string InternalServerError = "INTERNAL_SERVER_ERROR";
    public const string BadRequest = "BAD_REQUEST";
    public const string SyntaxError = "SYNTAX_ERROR";
}
