using CollectionStore.Authorization.Roles;
using CollectionStore.Domain.Documents;
using CollectionStore.Domain.Filtering;
using CollectionStore.Domain.Model;

namespace CollectionStore.Authorization.Rules;

/// <summary>
/// The model's authorization rules, compiled once: deny by default; a request is allowed when any <c>@allow</c>
/// grant of the collection covers the action, the subject has one of its roles (none listed = any signed-in
/// subject, <c>anonymous</c> = everyone) and the document satisfies its <c>where</c>. The same compiled
/// <c>where</c>s serve SQL (<see cref="ReadFilter"/>) and in-memory checks (<see cref="Decide"/>), so every path
/// to a document gets the same answer. <c>admin</c> may do everything.
/// </summary>
public sealed class RuleSet
{
    private static readonly FilterExpression Nothing = RuleBinder.Nothing;

    private readonly IReadOnlyDictionary<string, CollectionRules> _collections;
    private readonly RuleUsage _usage;
    private readonly GrantMatcher _matcher;
    private readonly IReadOnlySet<string> _grantRoles;

    private RuleSet(CollectionModel model, RoleHierarchy roles, IReadOnlyDictionary<string, CollectionRules> collections, RuleUsage usage)
    {
        Roles = roles;
        _collections = collections;
        _usage = usage;
        _matcher = new GrantMatcher(new InMemoryFilterEvaluator(model));
        _grantRoles = collections.Values
            .SelectMany(c => c.Grants.Concat(c.FieldGrants.Values.SelectMany(g => g)))
            .SelectMany(g => g.Roles ?? [])
            .Append(RoleHierarchy.Admin)
            .ToHashSet(StringComparer.Ordinal);
        Fingerprint = RuleFingerprints.Rules(roles, collections.Values);
    }

    /// <summary>Changes whenever any rule or role changes; part of every decision cache key.</summary>
    public string Fingerprint { get; }

    /// <summary>The role hierarchy declared by the model.</summary>
    public RoleHierarchy Roles { get; }

    /// <summary>True when some rule depends on <c>$now</c> (decisions then cannot be cached across time).</summary>
    public bool UsesNow => _usage.Now;

    /// <summary>
    /// Compiles every <c>@allow</c> and <c>@role</c> of the model. Throws <see cref="ModelException"/> (file, line,
    /// column of the directive) for an unknown field, relation, role, variable or action, an operator the field's
    /// type does not offer, an ill-typed value, a <c>fields</c> entry naming no field, or a role cycle.
    /// </summary>
    public static RuleSet Compile(CollectionModel model, string modelFilePath)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(modelFilePath);
        var roles = RoleCompiler.Compile(model, modelFilePath);
        var usage = new RuleUsage();
        var compiler = new RuleCompiler(model, roles, modelFilePath, usage);
        var collections = model.Collections.ToDictionary(c => c.Name, compiler.Compile, StringComparer.Ordinal);
        return new RuleSet(model, roles, collections, usage);
    }

    /// <summary>True when some grant of the collection covers the action and its roles match the subject.</summary>
    public bool HasAnyGrant(Subject subject, string collection, AccessAction action)
    {
        var bound = Bind(subject, DateTimeOffset.UnixEpoch);
        return bound.IsAdmin || Rules(collection).Grants.Any(g => GrantMatcher.Applies(g, action, bound));
    }

    /// <summary>
    /// The documents of the collection the subject may read, as a filter with the subject and <paramref name="now"/>
    /// bound: the OR of the matching READ grants' <c>where</c>s. Null means no restriction (admin, or a matching
    /// grant without <c>where</c>); without any matching grant it is a filter that matches nothing.
    /// </summary>
    public FilterExpression? ReadFilter(Subject subject, string collection, DateTimeOffset now)
    {
        var bound = Bind(subject, now);
        if (bound.IsAdmin)
        {
            return null;
        }

        var grants = Rules(collection).Grants.Where(g => GrantMatcher.Applies(g, AccessAction.Read, bound)).ToList();
        if (grants.Any(g => g.Where is null))
        {
            return null;
        }

        var filters = grants.Select(g => RuleBinder.Bind(g.Where!, bound)).ToList();
        return filters.Count switch
        {
            0 => Nothing,
            1 => filters[0],
            _ => new OrFilter(filters),
        };
    }

    /// <summary>
    /// One decision on one document (CREATE: the new document; UPDATE: call for the stored document and for the
    /// result; DELETE: the stored document). When denied, every grant is explained; when allowed, the grants up
    /// to the one that matched.
    /// </summary>
    public AccessDecision Decide(Subject subject, string collection, AccessAction action, Document document, Func<string, string, Document?> relatedLookup, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(document);
        var rules = Rules(collection);
        var bound = Bind(subject, now);
        if (bound.IsAdmin)
        {
            var admin = new GrantExplanation(-1, "the built-in role admin may do everything", true, null);
            return new AccessDecision(true, admin, [admin]);
        }

        var explained = new List<GrantExplanation>();
        foreach (var grant in rules.Grants)
        {
            var explanation = _matcher.Explain(grant, action, bound, rules.Collection, document, relatedLookup);
            explained.Add(explanation);
            if (explanation.Matched)
            {
                return new AccessDecision(true, explanation, explained);
            }
        }

        return new AccessDecision(false, null, explained);
    }

    /// <summary>
    /// The fields of <paramref name="document"/> the subject may read: the union of the matching READ grants'
    /// <c>fields</c>, less the fields whose own <c>@allow</c> does not match, plus the system fields. Null means all;
    /// an empty set means the document itself is not readable.
    /// </summary>
    public IReadOnlySet<string>? ReadableFields(Subject subject, string collection, Document document, Func<string, string, Document?> relatedLookup, DateTimeOffset now) =>
        PermittedFields(subject, collection, AccessAction.Read, document, relatedLookup, now);

    /// <summary>The stored fields the subject may change on this stored document under UPDATE; null means all.</summary>
    public IReadOnlySet<string>? UpdatableFields(Subject subject, string collection, Document before, Func<string, string, Document?> relatedLookup, DateTimeOffset now) =>
        PermittedFields(subject, collection, AccessAction.Update, before, relatedLookup, now);

    /// <summary>
    /// Everything the rules read about the subject, as a stable string for cohort and cache keys: whether it is
    /// signed in, its id when a rule uses <c>$subject.id</c>, its expanded roles (those the rules name, or all when a
    /// rule uses <c>$subject.roles</c>) and the values of the attributes the rules reference.
    /// </summary>
    public string SubjectFingerprint(Subject subject) =>
        RuleFingerprints.Subject(Bind(subject, DateTimeOffset.UnixEpoch), _usage, _grantRoles);

    private HashSet<string>? PermittedFields(Subject subject, string collection, AccessAction action, Document document, Func<string, string, Document?> lookup, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(document);
        var rules = Rules(collection);
        var bound = Bind(subject, now);
        if (bound.IsAdmin)
        {
            return null;
        }

        var everything = action == AccessAction.Read
            ? rules.AllFields.ToHashSet(StringComparer.Ordinal)
            : rules.Collection.Fields.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        var granted = new HashSet<string>(StringComparer.Ordinal);
        var matched = false;
        foreach (var grant in rules.Grants.Where(g => _matcher.Matches(g, action, bound, rules.Collection, document, lookup)))
        {
            matched = true;
            granted.UnionWith(grant.Fields ?? everything);
        }

        if (!matched)
        {
            return new HashSet<string>(StringComparer.Ordinal);
        }

        granted.IntersectWith(everything);
        foreach (var (field, grants) in rules.FieldGrants)
        {
            if (granted.Contains(field) && !grants.Any(g => _matcher.Matches(g, action, bound, rules.Collection, document, lookup)))
            {
                granted.Remove(field);
            }
        }

        if (granted.Count == everything.Count)
        {
            return null;
        }

        if (action == AccessAction.Read)
        {
            granted.UnionWith(SystemFields.All);
        }

        return granted;
    }

    private BoundSubject Bind(Subject subject, DateTimeOffset now) => new(subject, Roles, now);

    private CollectionRules Rules(string collection) =>
        _collections.TryGetValue(collection, out var rules)
            ? rules
            : throw new ArgumentException($"The model has no collection '{collection}'.", nameof(collection));
}
