using CollectionStore.Api.Subscriptions;
using CollectionStore.Domain.Model;
using GraphQL.Types;
using ChangeOperation = CollectionStore.Domain.ChangeFeed.ChangeOperation;

namespace CollectionStore.Api.Schema.Types;

/// <summary>
/// The output types of change subscriptions: <c>ChangeOperation</c> (what happened in the store), <c>ChangeKind</c>
/// (what it means for this subscriber's view), the <c>Long</c> scalar for sequences, and per collection a
/// <c>TaskChange</c> whose source is a <see cref="ChangeEventPayload"/>.
/// </summary>
internal sealed class ChangeTypes(GraphTypeRegistry registry, OutputTypes outputs)
{
    public LongGraphType Long { get; } = new();

    public void Declare(CollectionModel model)
    {
        var operation = new EnumerationGraphType { Name = "ChangeOperation", Description = "What a write did in the store." };
        operation.Add("CREATED", ChangeOperation.Created, "The document was created.");
        operation.Add("UPDATED", ChangeOperation.Updated, "The document was updated.");
        operation.Add("DELETED", ChangeOperation.Deleted, "The document was deleted.");
        registry.Add(operation);

        var kind = new EnumerationGraphType { Name = "ChangeKind", Description = "What a change means for this subscriber's view." };
        kind.Add("ADDED", ChangeKind.Added, "The document entered the view: created, or updated into the filter.");
        kind.Add("UPDATED", ChangeKind.Updated, "The document was in the view and stays in it.");
        kind.Add("REMOVED", ChangeKind.Removed, "The document left the view: deleted, or updated out of the filter.");
        registry.Add(kind);
        registry.Add(Long);

        foreach (var collection in model.Collections)
        {
            registry.Add(Create(collection, operation, kind));
        }
    }

    public ObjectGraphType For(CollectionDefinition collection) => registry.Get<ObjectGraphType>(TypeName(collection));

    private ObjectGraphType Create(CollectionDefinition collection, EnumerationGraphType operation, EnumerationGraphType kind)
    {
        var document = outputs.For(collection.Name);
        var type = new ObjectGraphType
        {
            Name = TypeName(collection),
            Description = $"A committed change of a {collection.Name}, as this subscriber's view sees it.",
        };
        type.AddField(FieldFactory.Create("kind", GraphTypeRegistry.NonNull(kind), c => Payload(c.Source).Kind));
        type.AddField(FieldFactory.Create("operation", GraphTypeRegistry.NonNull(operation), c => Payload(c.Source).Operation));
        type.AddField(FieldFactory.Create("sequence", GraphTypeRegistry.NonNull(Long), c => Payload(c.Source).Sequence, "The change's position in the store's change feed; resume after it with 'since'."));
        type.AddField(FieldFactory.Create(collection.SingularName, GraphTypeRegistry.NonNull(document), c => Payload(c.Source).Document, "The new state for ADDED and UPDATED; for REMOVED the last state this subscriber could see."));
        type.AddField(FieldFactory.Create("previous", document, c => Payload(c.Source).Previous, "The previous state, for UPDATED."));
        type.AddField(FieldFactory.Create("changedFields", GraphTypeRegistry.NonNullListOfNonNull(registry.String), c => Payload(c.Source).ChangedFields, "The stored fields whose values changed."));
        return type;
    }

    private static string TypeName(CollectionDefinition collection) => collection.Name + "Change";

    private static ChangeEventPayload Payload(object? source) => (ChangeEventPayload)source!;
}
