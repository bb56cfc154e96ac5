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

    /// <summary>Replaces errors carrying a <see cref="MaskedException"/> with clean ones and codes timeouts.</summary>
    public static void Apply(ExecutionResult result)
    {
        if (result.Errors is not { Count: > 0 } errors)
        {
            return;
        }

        var cleaned = new ExecutionErrors();
        foreach (var error in errors)
        {
            if (error.InnerException is MaskedException masked)
            {
                cleaned.Add(Clean(error, masked.CorrelationId));
                continue;
            }

            if (error is TimeoutError)
            {
                error.Code = ErrorCodes.Timeout;
            }

            cleaned.Add(error);
        }

        result.Errors = cleaned;
    }

    private static ExecutionError Clean(ExecutionError error, string correlationId)
    {
        var clean = new ExecutionError(Message)
        {
            Code = ErrorCodes.InternalServerError,
            Path = error.Path,
            Extensions = new Dictionary<string, object?> { ["correlationId"] = correlationId },
        };
        if (error.Locations is { } locations)
        {
            clean.Locations = [.. locations];
        }

        return clean;
    }
}
