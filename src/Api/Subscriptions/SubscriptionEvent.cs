namespace CollectionStore.Api.Subscriptions;

/// <summary>
/// One serialised result of a subscription: <see cref="Payload"/> is the ExecutionResult as UTF-8 JSON, made once
/// per cohort; <see cref="Sequence"/> is the change's sequence (the SSE event id).
/// </summary>
internal sealed record SubscriptionEvent(ReadOnlyMemory<byte> Payload, long? Sequence);
