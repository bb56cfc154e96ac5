using GraphQL;

namespace CollectionStore.Api.Subscriptions;

/// <summary>The errors that end a subscription, each with its <c>extensions.code</c>.</summary>
internal static class SubscriptionErrors
{
    public const string SlowConsumerCode = "SLOW_CONSUMER";
    public const string ResyncRequiredCode = "RESYNC_REQUIRED";
    public const string TransportRequiredCode = "STREAMING_TRANSPORT_REQUIRED";
    public const string ForbiddenCode = CollectionStore.Authorization.Identity.IdentityErrorCodes.Forbidden;

    /// <summary>The subscriber fell behind; it resumes without loss by subscribing again with <c>since: sequence</c>.</summary>
    public static ExecutionError SlowConsumer(long lastDeliveredSequence) =>
        new("The subscriber fell too far behind. Subscribe again with 'since' set to extensions.sequence to resume.")
        {
            Code = SlowConsumerCode,
            Extensions = new Dictionary<string, object?>(StringComparer.Ordinal) { ["sequence"] = lastDeliveredSequence },
        };

    /// <summary><c>since</c> is older than the change feed keeps: re-query, then subscribe again.</summary>
    public static ExecutionError ResyncRequired(long since, long oldestRetained) =>
        new($"Changes after {since} are no longer in the change feed (it starts at {oldestRetained}). Query again, then subscribe without 'since'.")
        {
            Code = ResyncRequiredCode,
            Extensions = new Dictionary<string, object?>(StringComparer.Ordinal) { ["oldestSequence"] = oldestRetained },
        };

    public static ExecutionError TransportRequired() =>
        new("Subscriptions are served over WebSocket, Server-Sent Events or multipart HTTP.") { Code = TransportRequiredCode };

    /// <summary>
    /// The subscriber has no READ grant on the collection at all: the subscribe is refused, or a live subscription
    /// ends when a role or attribute change took the last grant away.
    /// </summary>
    public static ExecutionError Forbidden(string collection) =>
        new($"You may not read {collection} documents.") { Code = ForbiddenCode };
}
