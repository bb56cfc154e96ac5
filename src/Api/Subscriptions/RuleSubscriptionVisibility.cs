using System.Security.Claims;
using CollectionStore.Api.Access;
using CollectionStore.Api.Identity;
using CollectionStore.Authorization.Audit;
using CollectionStore.Authorization.Identity;
using CollectionStore.Authorization.Rules;
using CollectionStore.Domain.Documents;
using CollectionStore.Domain.Model;
using CollectionStore.Domain.Store;

namespace CollectionStore.Api.Subscriptions;

/// <summary>
/// What a subscriber may see, by the model's rules and the subscriber's CURRENT subject: every state of every
/// change is decided with the roles and attributes the user has at that moment, so a role or attribute change
/// applies from the next event on, and a subscriber that can no longer read the collection at all is ended with
/// FORBIDDEN (at its next event, or at once when the identity signal arrives).
/// </summary>
internal sealed class RuleSubscriptionVisibility(
    RuleSet rules,
    AccessSubjects subjects,
    IdentitySignals signals,
    IDocumentStore store,
    IAuditLog audit,
    TimeProvider time) : ISubscriptionVisibility
{
    private const char Separator = '\u001e';

    private readonly Func<string, string, Document?> _related = StoreLookup.For(store);

    /// <summary>
    /// The user id of every signed-in subscriber (so two users never share a cohort, however alike their views),
    /// the rule set, and everything the rules read about the subject (roles of an external token, attributes).
    /// </summary>
    public string Fingerprint(ClaimsPrincipal? user)
    {
        var subject = subjects.Current(user);
        return string.Join(Separator, Principals.UserId(user) ?? string.Empty, rules.Fingerprint, rules.SubjectFingerprint(subject));
    }

    public Func<Document, bool> For(ClaimsPrincipal? user, CollectionDefinition collection) => document =>
    {
        var subject = subjects.Current(user);
        if (!rules.HasAnyGrant(subject, collection.Name, AccessAction.Read))
        {
            throw Denied(user, collection, "no READ grant any more");
        }

        return rules.Decide(subject, collection.Name, AccessAction.Read, document, _related, time.GetUtcNow()).Allowed;
    };

    public Func<Document, IReadOnlySet<string>?> Fields(ClaimsPrincipal? user, CollectionDefinition collection) => document =>
        rules.ReadableFields(subjects.Current(user), collection.Name, document, _related, time.GetUtcNow());

    public void Demand(ClaimsPrincipal? user, CollectionDefinition collection)
    {
        if (!rules.HasAnyGrant(subjects.Current(user), collection.Name, AccessAction.Read))
        {
            throw Denied(user, collection, "no READ grant");
        }
    }

    /// <summary>Records the refused or ended subscription in the audit log and returns the client's error.</summary>
    private GraphQL.ExecutionError Denied(ClaimsPrincipal? user, CollectionDefinition collection, string reason)
    {
        audit.Record(new AuditEvent(
            AuditKinds.AccessDenied,
            SubjectId: Principals.UserId(user),
            SessionId: Principals.SessionId(user),
            Detail: new System.Text.Json.Nodes.JsonObject { ["collection"] = collection.Name, ["action"] = "SUBSCRIBE", ["reason"] = reason }));
        return SubscriptionErrors.Forbidden(collection.Name);
    }

    public IDisposable Watch(ClaimsPrincipal? user, Action changed)
    {
        if (Principals.UserId(user) is not { } userId)
        {
            // Nothing about the anonymous subject ever changes.
            return NoChanges.Instance;
        }

        return signals.Subscribe(signal =>
        {
            if (string.Equals(signal.UserId, userId, StringComparison.Ordinal))
            {
                changed();
            }
        });
    }
}
