using CollectionStore.Domain.Filtering;
using CollectionStore.Domain.Tests.Store;

namespace CollectionStore.Domain.Tests.Filtering;

/// <summary>Random sorts, filters and page sizes: one engine's keyset paging visits the rows in the in-memory order.</summary>
public abstract class SortPagingPropertyTests(StoreKind kind)
{
    private static readonly string[][] SortablePaths =
    [
        ["title"], ["priority"], ["estimate"], ["dueAt"], ["done"], ["status"], ["assigneeId"], ["projectId"],
        ["label", "name"], ["label", "rank"], ["id"], ["version"], ["createdAt"], ["updatedAt"], ["createdBy"],
    ];

    [Theory]
    [InlineData(11)]
    [InlineData(2024)]
    public async Task RandomSorts_PagedWithCursorsBothWays_MatchInMemoryOrder(int seed)
    {
        var random = new Random(seed);
        var documents = new RandomDocuments(random);
        using var agreement = await FilterAgreement.OpenAsync(kind, documents.Tasks(300), documents.Projects());
        var filters = new RandomFilters(random);
        var evaluator = new InMemoryFilterEvaluator(FilteringTestModel.Model);
        for (var i = 0; i < 40; i++)
        {
            var sort = RandomSort(random);
            var filter = random.Next(3) == 0 ? filters.Next() : null;
            var expected = agreement.Tasks
                .Where(t => filter is null || evaluator.Matches(FilteringTestModel.Task, t, filter, agreement.Lookup))
                .Order(new DocumentSortComparer(FilteringTestModel.Model, FilteringTestModel.Task, sort))
                .Select(t => t.Id)
                .ToList();
            var pager = new KeysetPager(agreement, sort, filter);
            var pageSize = random.Next(2, 40);
            var context = $"Seed {seed}, case #{i}, page size {pageSize}, sort "
                + string.Join(", ", sort.Select(s => string.Join('.', s.Path) + (s.Descending ? " DESC" : " ASC")))
                + (filter is null ? string.Empty : ", filter " + FilterText.Describe(filter));

            AssertSameOrder(expected, pager.All(), context + " (unpaged)");
            AssertSameOrder(expected, pager.Forward(pageSize), context + " (forward)");
            AssertSameOrder(expected, pager.Backward(pageSize), context + " (backward)");
        }
    }

    private static List<SortField> RandomSort(Random random) =>
    [
        .. SortablePaths.OrderBy(_ => random.Next()).Take(random.Next(4)).Select(p => new SortField(p, random.Next(2) == 0)),
    ];

    private static void AssertSameOrder(List<string> expected, List<string> actual, string context)
    {
        if (!expected.SequenceEqual(actual))
        {
            var at = expected.Zip(actual).TakeWhile(p => p.First == p.Second).Count();
            Assert.Fail($"{context}: orders differ at position {at} (expected {expected.Count} ids, got {actual.Count}).");
        }
    }
}
