using CollectionStore.Authorization.Roles;
using CollectionStore.Domain.Documents;
using CollectionStore.Domain.Filtering;
using CollectionStore.Domain.Model;

namespace CollectionStore.Authorization.Rules;

/// <summary>Decides whether one grant matches a subject, an action and a document, and says why not.</summary>
internal sealed class GrantMatcher(InMemoryFilterEvaluator evaluator)
{
    public const string ActionNotCovered = "action not covered";
    public const string WhereNotSatisfied = "document does not satisfy where";

    /// <summary>Null when the subject has one of the grant's roles, else the reason it does not.</summary>
    public static string? RoleFailure(Grant grant, BoundSubject subject)
    {
        if (grant.Roles is null)
        {
            return subject.Subject.IsAuthenticated ? null : "subject is not signed in";
        }

        if (grant.Roles.Any(r => r == RoleHierarchy.Anonymous || subject.RoleSet.Contains(r)))
        {
            return null;
        }

        return grant.Roles.Count == 1
            ? $"subject lacks role {grant.Roles[0]}"
            : $"subject lacks every role of {string.Join(", ", grant.Roles)}";
    }

    /// <summary>True when the grant covers the action and the subject has one of its roles (documents aside).</summary>
    public static bool Applies(Grant grant, AccessAction action, BoundSubject subject) =>
        grant.Actions.Contains(action) && RoleFailure(grant, subject) is null;

    /// <summary>True when the document satisfies the grant's <c>where</c> bound to the subject.</summary>
    public bool WhereHolds(Grant grant, BoundSubject subject, CollectionDefinition collection, Document document, Func<string, string, Document?> lookup) =>
        grant.Where is null || evaluator.Matches(collection, document, RuleBinder.Bind(grant.Where, subject), lookup);

    /// <summary>True when the grant covers the action, its roles match and the document satisfies its <c>where</c>.</summary>
    public bool Matches(Grant grant, AccessAction action, BoundSubject subject, CollectionDefinition collection, Document document, Func<string, string, Document?> lookup) =>
        Applies(grant, action, subject) && WhereHolds(grant, subject, collection, document, lookup);

    public GrantExplanation Explain(Grant grant, AccessAction action, BoundSubject subject, CollectionDefinition collection, Document document, Func<string, string, Document?> lookup)
    {
        var reason = !grant.Actions.Contains(action)
            ? ActionNotCovered
            : RoleFailure(grant, subject) ?? (WhereHolds(grant, subject, collection, document, lookup) ? null : WhereNotSatisfied);
        return new GrantExplanation(grant.Index, grant.Description, reason is null, reason);
    }
}
