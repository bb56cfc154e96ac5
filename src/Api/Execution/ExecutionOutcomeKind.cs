namespace CollectionStore.Api.Execution;

/// <summary>How far a request got; transports map this to their own status codes.</summary>
internal enum ExecutionOutcomeKind
{
    /// <summary>The operation ran; the result has <c>data</c> (possibly with field errors).</summary>
    Executed,

    /// <summary>
    /// The request failed before execution (a limit, a parse, validation or variable coercion error); the
    /// result has no <c>data</c>.
    /// </summary>
    RequestError,

    /// <summary>The selected operation's type is not allowed on this transport (a mutation over GET).</summary>
    OperationNotAllowed,
}
