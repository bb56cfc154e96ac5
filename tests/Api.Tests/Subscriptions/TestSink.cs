using System.Text.Json.Nodes;
using CollectionStore.Api.Subscriptions;
using GraphQL;

namespace CollectionStore.Api.Tests.Subscriptions;

/// <summary>A sink that records what the engine sends; it can be told to refuse events after a number of them.</summary>
internal sealed class TestSink(int acceptLimit = int.MaxValue) : ISubscriptionSink
{
    private readonly Lock _lock = new();
    private readonly List<JsonNode> _events = [];
    private readonly List<long?> _sequences = [];

    public IReadOnlyList<ExecutionError>? Errors { get; private set; }

    public bool Completed { get; private set; }

    public IReadOnlyList<JsonNode> Events
    {
        get
        {
            lock (_lock)
            {
                return [.. _events];
            }
        }
    }

    public IReadOnlyList<long?> Sequences
    {
        get
        {
            lock (_lock)
            {
                return [.. _sequences];
            }
        }
    }

    public bool TryPublish(SubscriptionEvent subscriptionEvent)
    {
        lock (_lock)
        {
            if (_events.Count >= acceptLimit)
            {
                return false;
            }

            _events.Add(JsonNode.Parse(subscriptionEvent.Payload.Span)!);
            _sequences.Add(subscriptionEvent.Sequence);
            return true;
        }
    }

    public void Fail(IReadOnlyList<ExecutionError> errors) => Errors = errors;

    public void Complete() => Completed = true;
}
