using CollectionStore.Api.Schema.Types;
using CollectionStore.Authorization.Rules;
using GraphQL.Types;

namespace CollectionStore.Api.Access;

/// <summary>
/// The root field <c>explainAccess(collection: String!, id: ID!, action: Action!, subjectId: ID): AccessExplanation!</c>
/// with <c>enum Action { READ CREATE UPDATE DELETE }</c> (the model's own <c>Action</c> enum when it declares one),
/// <c>AccessExplanation</c> and <c>GrantExplanation</c>.
/// </summary>
internal static class ExplainAccessField
{
    public const string ActionType = "Action";

    public static void Add(GraphTypeRegistry registry, ObjectGraphType query, ExplainAccessResolver resolver)
    {
        var action = registry.GetOrAdd(ActionType, () =>
        {
            var type = new EnumerationGraphType { Name = ActionType, Description = "What a request does to a document; @allow grants name these." };
            foreach (var value in Enum.GetValues<AccessAction>())
            {
                type.Add(WriteRefusals.Name(value), WriteRefusals.Name(value));
            }

            return type;
        });
        var grant = registry.GetOrAdd("GrantExplanation", () => GrantType(registry));
        var explanation = registry.GetOrAdd("AccessExplanation", () => ExplanationType(registry, grant));
        query.AddField(FieldFactory.CreateAsync(
            "explainAccess",
            GraphTypeRegistry.NonNull(explanation),
            new QueryArguments(
                FieldFactory.Argument("collection", GraphTypeRegistry.NonNull(registry.String)),
                FieldFactory.Argument("id", GraphTypeRegistry.NonNull(registry.Id)),
                FieldFactory.Argument("action", GraphTypeRegistry.NonNull(action)),
                FieldFactory.Argument("subjectId", registry.Id, "Admins only: explain for this user instead of the caller.")),
            resolver.ResolveAsync,
            "Whether the subject may do the action to the document, the grant that allows it, or why each grant does not."));
    }

    private static ObjectGraphType GrantType(GraphTypeRegistry registry)
    {
        var type = new ObjectGraphType { Name = "GrantExplanation", Description = "One @allow grant as the check saw it." };
        type.AddField(FieldFactory.Create("index", GraphTypeRegistry.NonNull(registry.Int), c => Grant(c.Source).Index, "The grant's position among the collection's grants; -1 for the built-in admin rule."));
        type.AddField(FieldFactory.Create("description", GraphTypeRegistry.NonNull(registry.String), c => Grant(c.Source).Description, "The grant as the model writes it, with its location."));
        type.AddField(FieldFactory.Create("matched", GraphTypeRegistry.NonNull(registry.Boolean), c => Grant(c.Source).Matched));
        type.AddField(FieldFactory.Create("reason", registry.String, c => Grant(c.Source).Reason, "Why the grant did not match; null when it did."));
        return type;
    }

    private static ObjectGraphType ExplanationType(GraphTypeRegistry registry, ObjectGraphType grant)
    {
        var type = new ObjectGraphType { Name = "AccessExplanation", Description = "The outcome of one access check and the grants it examined." };
        type.AddField(FieldFactory.Create("allowed", GraphTypeRegistry.NonNull(registry.Boolean), c => Decision(c.Source).Allowed));
        type.AddField(FieldFactory.Create("matchedGrant", registry.String, c => Decision(c.Source).Matched?.Description, "The grant that allowed it; null when denied."));
        type.AddField(FieldFactory.Create("grants", GraphTypeRegistry.NonNullListOfNonNull(grant), c => Decision(c.Source).Grants, "Every grant when denied; up to the matching one when allowed."));
        return type;
    }

    private static GrantExplanation Grant(object? source) => (GrantExplanation)source!;

    private static AccessDecision Decision(object? source) => (AccessDecision)source!;
}
