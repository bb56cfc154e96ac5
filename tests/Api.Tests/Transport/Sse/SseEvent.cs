namespace CollectionStore.Api.Tests.Transport.Sse;

/// <summary>One parsed event-stream message: its event name, optional id and the data lines joined.</summary>
internal sealed record SseEvent(string Event, string? Id, string Data, string Raw);
