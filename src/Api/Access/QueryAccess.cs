using System.Collections.Concurrent;
using CollectionStore.Authorization.Rules;
using CollectionStore.Domain.Documents;
using CollectionStore.Domain.Filtering;
using CollectionStore.Domain.Store;
using GraphQL;

namespace CollectionStore.Api.Access;

/// <summary>
/// What the rules say for one request (or one subscription event): the subject as it is now, the request time
/// that <c>$now</c> binds to, the read filter per collection (ANDed into every query's SQL) and the readable
/// fields per document, with related documents read once per request. Kept in the request's user context.
/// </summary>
internal sealed class QueryAccess
{
    private const string UserContextKey = "CollectionStore.QueryAccess";
    private static readonly Lock CreationLock = new();

    private readonly RuleSet? _rules;
    private readonly IDocumentStore? _store;
    private readonly ConcurrentDictionary<string, FilterExpression?> _readFilters = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string, string, long), IReadOnlySet<string>?> _fields = new();
    private readonly ConcurrentDictionary<(string, string), Document?> _related = new();

    private QueryAccess(RuleSet? rules, IDocumentStore? store, Subject subject, DateTimeOffset now)
    {
        _rules = rules;
        _store = store;
        Subject = subject;
        Now = now;
    }

    public Subject Subject { get; }

    /// <summary>The compiled rules; null only for a schema executed outside the server.</summary>
    public RuleSet? Rules => _rules;

    /// <summary>The request time; every <c>$now</c> of the request binds to it.</summary>
    public DateTimeOffset Now { get; }

    /// <summary>The request's access, reading the subject asynchronously the first time (root resolvers).</summary>
    public static async ValueTask<QueryAccess> ForAsync(IResolveFieldContext context)
    {
        if (Existing(context) is { } existing)
        {
            return existing;
        }

        var subjects = context.RequestServices?.GetService(typeof(AccessSubjects)) as AccessSubjects;
        var subject = subjects is null ? Subject.Anonymous : await subjects.CurrentAsync(context.User, context.CancellationToken);
        return Store(context, Create(context, subject));
    }

    /// <summary>The request's access for synchronous field resolvers (also on subscription events).</summary>
    public static QueryAccess For(IResolveFieldContext context)
    {
        if (Existing(context) is { } existing)
        {
            return existing;
        }

        var subjects = context.RequestServices?.GetService(typeof(AccessSubjects)) as AccessSubjects;
        return Store(context, Create(context, subjects?.Current(context.User) ?? Subject.Anonymous));
    }

    /// <summary>Forgets the request's access, so the next event of a subscription sees the subject as it is then.</summary>
    public static void Reset(IResolveFieldContext context)
    {
        lock (CreationLock)
        {
            context.UserContext.Remove(UserContextKey);
        }
    }

    /// <summary>
    /// <paramref name="where"/> AND what the subject may read of the collection. Null only when neither restricts:
    /// an admin, a grant without <c>where</c>, or a schema executed outside the server (no rules registered).
    /// </summary>
    public FilterExpression? Restrict(string collection, FilterExpression? where)
    {
        if (_rules is null)
        {
            return where;
        }

        var read = _readFilters.GetOrAdd(collection, name => _rules.ReadFilter(Subject, name, Now));
        return (where, read) switch
        {
            (null, _) => read,
            (_, null) => where,
            _ => new AndFilter([where, read]),
        };
    }

    /// <summary>The fields of the document the subject may read; null means all.</summary>
    public IReadOnlySet<string>? ReadableFields(Document document) =>
        _rules is null
            ? null
            : _fields.GetOrAdd(
                (document.Collection, document.Id, document.Version),
                _ => _rules.ReadableFields(Subject, document.Collection, document, Related, Now));

    // Rules that follow relations ask synchronously; SQLite reads complete synchronously underneath.
    private Document? Related(string collection, string id) =>
        _related.GetOrAdd((collection, id), key => _store?.GetAsync(key.Item1, key.Item2, CancellationToken.None).GetAwaiter().GetResult());

    private static QueryAccess Create(IResolveFieldContext context, Subject subject)
    {
        var services = context.RequestServices;
        if (services is null)
        {
            // Only a schema executed directly (no server around it) has no services; it has no rules either.
            return new QueryAccess(null, null, subject, TimeProvider.System.GetUtcNow());
        }

        // Inside the server the rules are always registered; without them, fail closed.
        var rules = services.GetService(typeof(RuleSet)) as RuleSet
            ?? throw new InvalidOperationException("The authorization rules are not registered.");
        var time = services.GetService(typeof(TimeProvider)) as TimeProvider ?? TimeProvider.System;
        return new QueryAccess(rules, services.GetService(typeof(IDocumentStore)) as IDocumentStore, subject, time.GetUtcNow());
    }

    private static QueryAccess? Existing(IResolveFieldContext context)
    {
        lock (CreationLock)
        {
            return context.UserContext.TryGetValue(UserContextKey, out var value) ? value as QueryAccess : null;
        }
    }

    private static QueryAccess Store(IResolveFieldContext context, QueryAccess created)
    {
        lock (CreationLock)
        {
            if (context.UserContext.TryGetValue(UserContextKey, out var value) && value is QueryAccess existing)
            {
                return existing;
            }

            context.UserContext[UserContextKey] = created;
            return created;
        }
    }
}
