using GraphQL;

namespace CollectionStore.Api.Subscriptions;

/// <summary>
/// The outcome of starting a subscription: a handle to dispose when the client stops it or goes away, or the
/// errors (validation, limits, RESYNC_REQUIRED…) the transport reports instead.
/// </summary>
internal sealed record SubscriptionStartResult(IAsyncDisposable? Handle, ExecutionResult? Errors);
