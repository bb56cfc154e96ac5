using CollectionStore.Domain.Filtering;
using CollectionStore.Domain.Tests.Store;

namespace CollectionStore.Domain.Tests.Filtering;

/// <summary>Random filters over random documents: one engine's SQL selects exactly the documents the in-memory evaluator accepts.</summary>
public abstract class FilterPropertyTests(StoreKind kind)
{
    [Theory]
    [InlineData(20240601)]
    [InlineData(7)]
    [InlineData(424242)]
    public async Task RandomFilters_OverRandomDocuments_SqlAndInMemoryAgree(int seed)
    {
        var random = new Random(seed);
        var documents = new RandomDocuments(random);
        using var agreement = await FilterAgreement.OpenAsync(kind, documents.Tasks(300), documents.Projects());
        var filters = new RandomFilters(random);
        var nonTrivial = 0;
        for (var i = 0; i < 500; i++)
        {
            var filter = filters.Next();
            var sql = agreement.SqlIds(filter);
            var memory = agreement.MemoryIds(filter);
            if (!sql.SequenceEqual(memory))
            {
                var parameters = new SqlParameterBag();
                var text = agreement.Translator.Translate(FilteringTestModel.Task, filter, "t", parameters);
                Assert.Fail(
                    $"Seed {seed}, filter #{i}: {FilterText.Describe(filter)}\nSQL: {text}\n"
                    + $"only in SQL: {string.Join(", ", sql.Except(memory))}\nonly in memory: {string.Join(", ", memory.Except(sql))}");
            }

            nonTrivial += sql.Count is > 0 and < 300 ? 1 : 0;
        }

        // The generator must produce selective filters, or agreement would be trivially true.
        Assert.True(nonTrivial > 150, $"Seed {seed}: only {nonTrivial} of 500 filters were selective.");
    }
}
