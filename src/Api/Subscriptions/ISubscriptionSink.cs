using GraphQL;

namespace CollectionStore.Api.Subscriptions;

/// <summary>
/// Where one client operation's events go; each transport implements it per operation and frames the shared
/// payload in its own envelope.
/// </summary>
internal interface ISubscriptionSink
{
    /// <summary>
    /// Offers one event. Its payload is shared by every member of the cohort and must not be changed. Returns
    /// false when the connection's send queue is full: the engine then ends the operation with SLOW_CONSUMER.
    /// </summary>
    bool TryPublish(SubscriptionEvent subscriptionEvent);

    /// <summary>The operation ended with errors; the transport sends its error message. Nothing follows.</summary>
    void Fail(IReadOnlyList<ExecutionError> errors);

    /// <summary>The operation's stream ended on the server side. Nothing follows.</summary>
    void Complete();
}
