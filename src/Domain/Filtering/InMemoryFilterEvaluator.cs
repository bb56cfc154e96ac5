using System.Text.Json.Nodes;
using CollectionStore.Domain.Documents;
using CollectionStore.Domain.Model;

namespace CollectionStore.Domain.Filtering;

/// <summary>
/// Evaluates a <see cref="FilterExpression"/> against one document in memory (subscriptions use it per change).
/// It accepts exactly the documents <see cref="SqlFilterTranslator"/>'s SQL selects; related documents of
/// <c>@belongsTo</c> relations are fetched through the lookup <c>(collectionName, id)</c>.
/// </summary>
public sealed class InMemoryFilterEvaluator(CollectionModel model)
{
    public bool Matches(CollectionDefinition collection, Document doc, FilterExpression filter, Func<string, string, Document?> relatedLookup)
    {
        var scope = new InMemoryScope(FilterScope.ForCollection(model, collection), doc, null);
        return Evaluate(filter, scope, relatedLookup);
    }

    private static bool Evaluate(FilterExpression filter, InMemoryScope scope, Func<string, string, Document?> lookup) => filter switch
    {
        AndFilter and => and.Operands.All(o => Evaluate(o, scope, lookup)),
        OrFilter or => or.Operands.Any(o => Evaluate(o, scope, lookup)),
        ComparisonFilter comparison => InMemoryComparison.Matches(
            comparison, scope.Value(comparison.Field), scope.Type.ComparisonType(comparison.Field).TypeName),
        EmbeddedFilter embedded => Embedded(embedded, scope, lookup),
        ListFilter list => List(list, scope, lookup),
        ListAnyFilter any => scope.Type.ListField(any.Field) is not null && (Elements(scope, any.Field).Count > 0) == any.Any,
        RelationFilter relation => Relation(relation, scope, lookup),
        _ => throw new ArgumentException($"Unsupported filter node {filter.GetType().Name}.", nameof(filter)),
    };

    private static bool Embedded(EmbeddedFilter embedded, InMemoryScope scope, Func<string, string, Document?> lookup)
    {
        var type = scope.Type.Embedded(embedded.Field);
        return scope.Value(embedded.Field) is JsonObject obj && Evaluate(embedded.Inner, new InMemoryScope(type, null, obj), lookup);
    }

    private static bool List(ListFilter list, InMemoryScope scope, Func<string, string, Document?> lookup)
    {
        scope.Type.ListField(list.Field);
        var type = scope.Type.ListElement(list.Field);
        var elements = Elements(scope, list.Field);
        bool Holds(JsonNode? element) => Evaluate(list.Element, new InMemoryScope(type, null, element), lookup);
        return list.Quantifier switch
        {
            ListQuantifier.Some => elements.Any(Holds),
            ListQuantifier.All => elements.All(Holds),
            _ => !elements.Any(Holds),
        };
    }

    private static bool Relation(RelationFilter relation, InMemoryScope scope, Func<string, string, Document?> lookup)
    {
        var (definition, target) = scope.Type.BelongsTo(relation.Relation);
        if (SqliteValues.FromJson(scope.Value(definition.ForeignKeyField)) is not string id)
        {
            return false;
        }

        var related = lookup(target.Name, id);
        return related is not null
            && Evaluate(relation.Inner, new InMemoryScope(FilterScope.ForCollection(scope.Type.Model, target), related, null), lookup);
    }

    // A null, missing or non-array value has no elements, like an empty list.
    private static IReadOnlyList<JsonNode?> Elements(InMemoryScope scope, string field) =>
        scope.Value(field) is JsonArray array ? [.. array] : [];
}
