using CollectionStore.Domain.Store;
using GraphQL;

namespace CollectionStore.Api.Schema;

/// <summary>The client-facing errors of the generated API, each with its <c>extensions.code</c>.</summary>
internal static class SchemaErrors
{
    public const string InvalidInputCode = "INVALID_INPUT";
    public const string PageSizeExceededCode = "PAGE_SIZE_EXCEEDED";

    public static ExecutionError InvalidInput(string message) => new(message) { Code = InvalidInputCode };

    public static ExecutionError PageSizeExceeded(string argument, int requested, int maximum) =>
        new($"'{argument}' is {requested}, more than the maximum page size {maximum}.") { Code = PageSizeExceededCode };

    /// <summary>Maps a store error to an execution error; the store's message is meant for clients.</summary>
    public static ExecutionError FromStore(StoreException exception)
    {
        var error = new ExecutionError(exception.Message) { Code = exception.Code };
        if (exception is VersionConflictException conflict)
        {
            error.Extensions = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["currentVersion"] = conflict.CurrentVersion,
            };
        }

        return error;
    }

    /// <summary>Runs a store call, turning its client errors into execution errors.</summary>
    public static async Task<T> GuardAsync<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (StoreException exception)
        {
            throw FromStore(exception);
        }
    }
}
