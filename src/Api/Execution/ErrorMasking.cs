using GraphQL;
using GraphQL.Execution;
using Microsoft.Extensions.Logging;

namespace CollectionStore.Api.Execution;

/// <summary>
/// Masks unexpected exceptions: the details go to the log under a correlation id, the client gets
/// "Unexpected error." with <c>extensions.code = INTERNAL_SERVER_ERROR</c> and the id.
/// </summary>
internal static class ErrorMasking
{
    public const string Message = "Unexpected error.";

    public static Func<UnhandledExceptionContext, Task> CreateDelegate(ILogger logger) => context =>
    {
        var correlationId = Guid.NewGuid().ToString("N");
        ExecutionLog.UnexpectedError(
            logger,
            context.OriginalException,
            correlationId,
            context.ExecutionOptions?.OperationName,
            context.FieldContext?.Path is { } path ? string.Join('.', path) : null);
        context.Exception = new MaskedException(correlationId);
        context.ErrorMessage = Message;
        return Task.CompletedTask;
    };

    /// <summary>Gives masked errors their code and correlation id, and timeouts theirs.</summary>
    public static void Apply(ExecutionResult result)
    {
        if (result.Errors is not { Count: > 0 } errors)
        {
            return;
        }

        foreach (var error in errors)
        {
            if (error.InnerException is MaskedException masked)
            {
                // The message was already replaced by the delegate; the inner exception only carries the id.
                error.Code = ErrorCodes.InternalServerError;
                error.Extensions = new Dictionary<string, object?> { ["correlationId"] = masked.CorrelationId };
            }
            else if (error is TimeoutError)
            {
                error.Code = ErrorCodes.Timeout;
            }
        }
    }
}
