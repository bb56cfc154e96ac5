using System.Text.Json.Nodes;
using CollectionStore.Authorization.Rules;
using CollectionStore.Domain.Documents;
using CollectionStore.Domain.Store;

namespace CollectionStore.Api.Access;

/// <summary>
/// The write guards of the generated mutations, run inside the write transaction against the states it commits:
/// CREATE checks the new document; UPDATE checks the stored document, that every changed field may be changed,
/// and the result (so a document cannot be moved out of the subject's reach); DELETE checks the stored document.
/// A stored document the subject cannot read is reported as missing, before its version is even compared.
/// </summary>
internal sealed class WriteAccess(RuleSet rules, Subject subject, DateTimeOffset now, string collection)
{
    public WriteGuard Create() => (_, after, related) => Require(AccessAction.Create, after!, related, "the new document");

    public WriteGuard Update(long? expectedVersion) => (before, after, related) =>
    {
        RequireReadable(AccessAction.Update, before!, related);
        CheckVersion(before!, expectedVersion);
        Require(AccessAction.Update, before!, related, "the stored document");
        if (rules.UpdatableFields(subject, collection, before!, related, now) is { } updatable
            && ChangedFields(before!, after!).FirstOrDefault(f => !updatable.Contains(f)) is { } field)
        {
            throw Denied(AccessAction.Update, before!.Id, $"field '{field}' may not be changed by this subject", unreadable: false);
        }

        Require(AccessAction.Update, after!, related, "the result");
    };

    public WriteGuard Delete(long? expectedVersion) => (before, _, related) =>
    {
        RequireReadable(AccessAction.Delete, before!, related);
        CheckVersion(before!, expectedVersion);
        Require(AccessAction.Delete, before!, related, "the stored document");
    };

    /// <summary>The denied grants and why each failed, as the audit log and <c>explainAccess</c> name them.</summary>
    public static string Reason(AccessDecision decision) =>
        decision.Grants.Count == 0
            ? "no grant covers it"
            : string.Join("; ", decision.Grants.Select(g => $"grant {g.Index}: {g.Reason}"));

    private void RequireReadable(AccessAction action, Document before, Func<string, string, Document?> related)
    {
        var read = rules.Decide(subject, collection, AccessAction.Read, before, related, now);
        if (!read.Allowed)
        {
            throw Denied(action, before.Id, "the subject may not read the stored document: " + Reason(read), unreadable: true);
        }
    }

    private void Require(AccessAction action, Document document, Func<string, string, Document?> related, string state)
    {
        var decision = rules.Decide(subject, collection, action, document, related, now);
        if (!decision.Allowed)
        {
            throw Denied(action, document.Id, $"{state} is not allowed: {Reason(decision)}", unreadable: false);
        }
    }

    private void CheckVersion(Document before, long? expectedVersion)
    {
        if (expectedVersion is { } expected && expected != before.Version)
        {
            throw new VersionConflictException(collection, before.Id, expected, before.Version);
        }
    }

    private WriteDeniedException Denied(AccessAction action, string id, string reason, bool unreadable) =>
        new(collection, id, action, reason, unreadable);

    private static IEnumerable<string> ChangedFields(Document before, Document after) =>
        before.Data.Select(p => p.Key)
            .Union(after.Data.Select(p => p.Key), StringComparer.Ordinal)
            .Where(key => !JsonNode.DeepEquals(Value(before.Data, key), Value(after.Data, key)));

    private static JsonNode? Value(JsonObject data, string key) => data.TryGetPropertyValue(key, out var value) ? value : null;
}
