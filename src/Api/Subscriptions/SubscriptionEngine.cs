using System.Security.Claims;
using CollectionStore.Api.Execution;
using GraphQL;

namespace CollectionStore.Api.Subscriptions;

/// <summary>
/// Starts subscriptions for every transport. A subscription joins the live cohort with the same document,
/// operation, variables and visibility fingerprint when there is one (waiting for one that is still starting),
/// so identical subscriptions execute once per event; otherwise it starts a new cohort. A cohort replaying from <c>since</c> is never joined.
/// </summary>
internal sealed class SubscriptionEngine(
    GraphQLRequestExecutor executor,
    GraphQL.SystemTextJson.GraphQLSerializer serializer,
    SubscriptionMetrics metrics,
    ISubscriptionVisibility visibility,
    IServiceProvider services,
    ILogger<SubscriptionEngine> logger)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, SubscriptionCohort> _cohorts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Task> _starting = new(StringComparer.Ordinal);

    public async Task<SubscriptionStartResult> SubscribeAsync(
        GraphQLExecutionRequest request,
        ClaimsPrincipal? user,
        ISubscriptionSink sink,
        CancellationToken cancellationToken)
    {
        var key = CohortKey(request, visibility.Fingerprint(user));
        var starting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        while (true)
        {
            Task? pending;
            lock (_lock)
            {
                if (_cohorts.TryGetValue(key, out var live) && live.TryJoin(sink) is { } joined)
                {
                    return new SubscriptionStartResult(joined, null);
                }

                if (!_starting.TryGetValue(key, out pending))
                {
                    _starting[key] = starting.Task;
                }
            }

            if (pending is null)
            {
                break;
            }

            // An identical subscription is starting: wait for it and join its cohort rather than start a second one.
            await pending.WaitAsync(cancellationToken);
        }

        try
        {
            return await StartCohortAsync(key, request, user, sink, cancellationToken);
        }
        finally
        {
            lock (_lock)
            {
                _starting.Remove(key);
            }

            starting.TrySetResult();
        }
    }

    private async Task<SubscriptionStartResult> StartCohortAsync(
        string key,
        GraphQLExecutionRequest request,
        ClaimsPrincipal? user,
        ISubscriptionSink sink,
        CancellationToken cancellationToken)
    {
        var cohort = new SubscriptionCohort(key, executor, serializer, metrics, logger, Forget);
        var member = cohort.TryJoin(sink)!;

        // The cohort outlives the request that started it, so it resolves with the application's services.
        ExecutionResult? errors;
        try
        {
            errors = await cohort.StartAsync(request, user, services, cancellationToken);
        }
        catch
        {
            // Cancelled while starting (the client stopped the operation) or failed: leave nothing behind.
            await member.DisposeAsync();
            throw;
        }

        if (errors is not null)
        {
            await member.DisposeAsync();
            return new SubscriptionStartResult(null, errors);
        }

        if (!cohort.IsPrivate)
        {
            lock (_lock)
            {
                // A cohort that closed while this one started is replaced, so the next identical subscription joins.
                if (!_cohorts.TryGetValue(key, out var registered) || registered.IsClosed)
                {
                    _cohorts[key] = cohort;
                }
            }
        }

        return new SubscriptionStartResult(member, null);
    }

    private void Forget(SubscriptionCohort cohort)
    {
        lock (_lock)
        {
            if (_cohorts.TryGetValue(cohort.Key, out var registered) && ReferenceEquals(registered, cohort))
            {
                _cohorts.Remove(cohort.Key);
            }
        }
    }

    // Absent variables and "variables": null are the same request, whatever the transport made of them.
    private static string CohortKey(GraphQLExecutionRequest request, string fingerprint) =>
        string.Join('\u001f', request.Query, request.OperationName ?? string.Empty, Variables(request), fingerprint);

    private static string Variables(GraphQLExecutionRequest request) =>
        request.Variables is { ValueKind: not (System.Text.Json.JsonValueKind.Null or System.Text.Json.JsonValueKind.Undefined) } variables
            ? variables.GetRawText()
            : string.Empty;
}
