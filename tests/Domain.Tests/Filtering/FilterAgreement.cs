using CollectionStore.Domain.Documents;
using CollectionStore.Domain.Filtering;
using CollectionStore.Domain.Model;

namespace CollectionStore.Domain.Tests.Filtering;

/// <summary>Runs filters through both evaluators over the same documents and compares the matching ids.</summary>
internal sealed class FilterAgreement : IDisposable
{
    private readonly Dictionary<string, Document> _projects;

    public FilterAgreement(IReadOnlyList<Document> tasks, IReadOnlyList<Document> projects)
    {
        Tasks = tasks;
        _projects = projects.ToDictionary(p => p.Id, StringComparer.Ordinal);
        Database = new FilteringDatabase(tasks.Concat(projects));
    }

    public IReadOnlyList<Document> Tasks { get; }

    public FilteringDatabase Database { get; }

    public static CollectionModel Model => FilteringTestModel.Model;

    public List<string> SqlIds(FilterExpression filter)
    {
        var parameters = new SqlParameterBag();
        var where = new SqlFilterTranslator(Model).Translate(FilteringTestModel.Task, filter, "t", parameters);
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
