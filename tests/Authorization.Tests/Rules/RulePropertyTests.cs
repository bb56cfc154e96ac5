using CollectionStore.Authorization.Rules;
using CollectionStore.Domain.Documents;
using CollectionStore.Domain.Filtering;
using CollectionStore.Domain.Model;

namespace CollectionStore.Authorization.Tests.Rules;

/// <summary>
/// Random documents, subjects and rules: the read predicate pushed into SQL (run by the real store) selects
/// exactly the documents the in-memory decision allows, and ReadableFields agrees on which are readable.
/// </summary>
public sealed class RulePropertyTests
{
    private const int RuleSets = 60;
    private const int SubjectsPerRuleSet = 8;

    [Theory]
    [InlineData(1)]
    [InlineData(20250601)]
    [InlineData(4242)]
    public async Task ReadFilter_RandomRulesSubjectsAndDocuments_SqlAgreesWithDecide(int seed)
    {
        var random = new Random(seed);
        await using var store = await RuleTestStore.OpenAsync(ModelParser.Parse(PropertyModel.Text(string.Empty), "property.graphql"));
        foreach (var team in new[] { "T1", "T2", "T3", "T4" })
        {
            await store.CreateAsync("Team", team, PropertyModel.Team(random));
        }

        for (var i = 0; i < 60; i++)
        {
            await store.CreateAsync("Doc", null, PropertyModel.Doc(random), random.Next(3) == 0 ? null : "u" + random.Next(1, 4));
        }

        var documents = store.All("Doc").ToList();
        var times = documents.Select(d => d.CreatedAt).Order().ToList();
        var generator = new RandomRules(random);
        var selective = 0;
        for (var r = 0; r < RuleSets; r++)
        {
            var grants = generator.Grants();
            var rules = RuleSet.Compile(ModelParser.Parse(PropertyModel.Text(grants), "property.graphql"), "property.graphql");
            for (var s = 0; s < SubjectsPerRuleSet; s++)
            {
                var subject = generator.Subject();
                var now = times[random.Next(times.Count)];
                var filter = rules.ReadFilter(subject, "Doc", now);
                var sql = await store.QueryIdsAsync("Doc", filter);
                var memory = Allowed(rules, subject, documents, store, now);
                if (!sql.SequenceEqual(memory))
                {
                    Assert.Fail(
                        $"Seed {seed}, rules #{r} {grants}\nsubject {subject.Id} [{string.Join(",", subject.Roles)}] {subject.Attributes.ToJsonString()} now {now:O}\n"
                        + $"only in SQL: {string.Join(", ", sql.Except(memory))}\nonly in memory: {string.Join(", ", memory.Except(sql))}");
                }

                AssertFieldsAgree(rules, subject, documents, store, now, memory);
                selective += memory.Count is > 0 and < 60 ? 1 : 0;
            }
        }

        // The generator must produce rules that split the documents, or agreement would be trivially true.
        Assert.True(selective > RuleSets * SubjectsPerRuleSet / 4, $"Seed {seed}: only {selective} cases were selective.");
    }

    [Fact]
    public async Task NothingFilter_MatchesNoDocument_InSqlAndInMemory()
    {
        var model = ModelParser.Parse(PropertyModel.Text(string.Empty), "property.graphql");
        await using var store = await RuleTestStore.OpenAsync(model);
        var doc = await store.CreateAsync("Doc", "d1", PropertyModel.Doc(new Random(3)));
        var nothing = Assert.IsType<OrFilter>(RuleSet.Compile(model, "property.graphql").ReadFilter(Subject.Anonymous, "Doc", DateTimeOffset.UnixEpoch));

        Assert.Empty(nothing.Operands);
        Assert.Empty(await store.QueryIdsAsync("Doc", nothing));
        Assert.Equal(["d1"], await store.QueryIdsAsync("Doc", new AndFilter([])));
        Assert.False(new InMemoryFilterEvaluator(model).Matches(model.GetCollection("Doc"), doc, nothing, store.Lookup));
    }

    private static List<string> Allowed(RuleSet rules, Subject subject, List<Document> documents, RuleTestStore store, DateTimeOffset now) =>
    [
        .. documents
            .Where(d => rules.Decide(subject, "Doc", AccessAction.Read, d, store.Lookup, now).Allowed)
            .Select(d => d.Id)
            .Order(StringComparer.Ordinal),
    ];

    private static void AssertFieldsAgree(RuleSet rules, Subject subject, List<Document> documents, RuleTestStore store, DateTimeOffset now, List<string> allowed)
    {
        foreach (var document in documents.Take(10))
        {
            var fields = rules.ReadableFields(subject, "Doc", document, store.Lookup, now);
            Assert.Equal(allowed.Contains(document.Id), fields is null || fields.Count > 0);
        }
    }
}
