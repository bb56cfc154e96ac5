using System.Text.Json.Nodes;
using CollectionStore.Domain.ChangeFeed;
using CollectionStore.Domain.Documents;
using CollectionStore.Domain.Model;

namespace CollectionStore.Api.Subscriptions;

/// <summary>
/// Decides what a committed change means for a subscriber whose view is "documents for which
/// <c>inView</c> holds": ADDED, UPDATED, REMOVED, or nothing at all when the change never touches the view.
/// The changed fields it names are only those the subscriber may read in the state it is shown.
/// </summary>
internal static class ChangeView
{
    public static ChangeEventPayload? Evaluate(
        ChangeRecord change,
        CollectionDefinition collection,
        Func<Document, bool> inView,
        Func<Document, IReadOnlySet<string>?>? readable = null)
    {
        var wasIn = change.Before is { } before && inView(before);
        var isIn = change.After is { } after && inView(after);
        var payload = (wasIn, isIn) switch
        {
            (false, true) => new ChangeEventPayload(ChangeKind.Added, change.Operation, change.Sequence, change.After!, null, PresentFields(collection, change.After!)),
            (true, true) => new ChangeEventPayload(ChangeKind.Updated, change.Operation, change.Sequence, change.After!, change.Before, ChangedFields(collection, change.Before!, change.After!)),
            (true, false) => new ChangeEventPayload(ChangeKind.Removed, change.Operation, change.Sequence, change.Before!, null, RemovedFields(collection, change)),
            _ => null,
        };
        return payload is not null && readable?.Invoke(payload.Document) is { } fields
            ? payload with { ChangedFields = [.. payload.ChangedFields.Where(fields.Contains)] }
            : payload;
    }

    private static List<string> RemovedFields(CollectionDefinition collection, ChangeRecord change) =>
        change.After is { } after ? ChangedFields(collection, change.Before!, after) : PresentFields(collection, change.Before!);

    private static List<string> PresentFields(CollectionDefinition collection, Document document) =>
        collection.Fields.Where(f => document.Data.ContainsKey(f.Name)).Select(f => f.Name).ToList();

    private static List<string> ChangedFields(CollectionDefinition collection, Document before, Document after) =>
        collection.Fields
            .Where(f => !JsonNode.DeepEquals(Value(before, f.Name), Value(after, f.Name)))
            .Select(f => f.Name)
            .ToList();

    private static JsonNode? Value(Document document, string field) =>
        document.Data.TryGetPropertyValue(field, out var value) ? value : null;
}
