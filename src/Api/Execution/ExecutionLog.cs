using Microsoft.Extensions.Logging;

namespace CollectionStore.Api.Execution;

/// <summary>Log messages of the GraphQL executor.</summary>
internal static partial class ExecutionLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Error, Message = "Unexpected error {CorrelationId} while executing operation {OperationName} at {Path}")]
    public static partial void UnexpectedError(ILogger logger, Exception exception, string correlationId, string? operationName, string? path);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Operation {OperationName} timed out after {Timeout}")]
    public static partial void TimedOut(ILogger logger, string? operationName, TimeSpan timeout);
}
