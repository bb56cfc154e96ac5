using CollectionStore.Authorization.Identity;
using GraphQL;

namespace CollectionStore.Api.Schema.Identity;

/// <summary>The client-facing errors of the identity API, each with its <c>extensions.code</c>.</summary>
internal static class IdentityExecutionErrors
{
    public const string RetryAfterExtension = "retryAfter";

    public static ExecutionError Unauthenticated() =>
        new("Sign in first: this field needs an access token ('Authorization: Bearer ...').") { Code = IdentityErrorCodes.Unauthenticated };

    public static ExecutionError Forbidden() =>
        new("Only an admin may do this.") { Code = IdentityErrorCodes.Forbidden };

    /// <summary>The service's message is meant for clients; a rate limit also says how many whole seconds to wait.</summary>
    public static ExecutionError From(IdentityException exception)
    {
        var error = new ExecutionError(exception.Message) { Code = exception.Code };
        if (exception.RetryAfter is { } retryAfter)
        {
            error.Extensions = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                [RetryAfterExtension] = (long)Math.Ceiling(Math.Max(retryAfter.TotalSeconds, 0)),
            };
        }

        return error;
    }

    /// <summary>Runs an identity call, turning its refusals into execution errors.</summary>
    public static async Task<T> GuardAsync<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (IdentityException exception)
        {
            throw From(exception);
        }
    }
}
