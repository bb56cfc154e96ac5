using CollectionStore.Domain.Documents;
using CollectionStore.Domain.Filtering;
using CollectionStore.Domain.Model;
using CollectionStore.Domain.Tests.Store;

namespace CollectionStore.Domain.Tests.Filtering;

/// <summary>
/// Runs filters through the SQL evaluator on one engine's database and through the in-memory evaluator over the same
/// documents, and compares the matching ids. It owns the database.
/// </summary>
internal sealed class FilterAgreement : IDisposable
{
    private readonly Dictionary<string, Document> _projects;

    public FilterAgreement(IFilteringDatabase database, IReadOnlyList<Document> tasks, IReadOnlyList<Document> projects)
    {
        Tasks = tasks;
        _projects = projects.ToDictionary(p => p.Id, StringComparer.Ordinal);
        Database = database;
    }

    public IReadOnlyList<Document> Tasks { get; }

    /// <summary>Fills a fresh database of <paramref name="kind"/> with the documents and compares against it.</summary>
    public static async Task<FilterAgreement> OpenAsync(StoreKind kind, IReadOnlyList<Document> tasks, IReadOnlyList<Document> projects)
    {
        var documents = tasks.Concat(projects);
        IFilteringDatabase database = kind == StoreKind.Sqlite
            ? new FilteringDatabase(documents)
            : await PostgresFilteringDatabase.OpenAsync(documents);
        return new FilterAgreement(database, tasks, projects);
    }

    public IFilteringDatabase Database { get; }

    public static CollectionModel Model => FilteringTestModel.Model;

    /// <summary>Translates filters into the database's dialect.</summary>
    public SqlFilterTranslator Translator => new(Model, Database.Dialect);

    /// <summary>Sorts in the database's dialect.</summary>
    public SqlSort Sort => new(Model, Database.Dialect);

    public List<string> SqlIds(FilterExpression filter)
    {
        var parameters = new SqlParameterBag();
        var where = Translator.Translate(FilteringTestModel.Task, filter, "t", parameters);
        return Sorted(Database.Ids(FilteringTestModel.Task, where, "t.id", null, parameters));
    }

    public List<string> MemoryIds(FilterExpression filter)
    {
        var evaluator = new InMemoryFilterEvaluator(Model);
        return Sorted(Tasks.Where(t => evaluator.Matches(FilteringTestModel.Task, t, filter, Lookup)).Select(t => t.Id));
    }

    public Document? Lookup(string collection, string id) =>
        collection == "Project" && _projects.TryGetValue(id, out var project) ? project : null;

    /// <summary>Asserts the SQL result set, the in-memory result set and the expected set are equal.</summary>
    public void AssertMatches(FilterExpression filter, params string[] expected)
    {
        var want = Sorted(expected);
        Assert.Equal(want, SqlIds(filter));
        Assert.Equal(want, MemoryIds(filter));
    }

    public void Dispose() => Database.Dispose();

    private static List<string> Sorted(IEnumerable<string> ids) => [.. ids.Order(StringComparer.Ordinal)];
}
