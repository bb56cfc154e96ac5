using CollectionStore.Domain.Filtering;
using static CollectionStore.Domain.Filtering.ComparisonOperator;
using static CollectionStore.Domain.Tests.Filtering.Filters;

namespace CollectionStore.Domain.Tests.Filtering;

/// <summary>Every comparison operator on the fixed tasks: the SQL of one engine and the in-memory evaluator agree with the expected ids.</summary>
public abstract class ComparisonOperatorTests(FixedTasksFixture fixture)
{
    private readonly FilterAgreement _db = fixture.Agreement;

    [Fact]
    public void Eq_OnValuesAndNull_IsNullSafe()
    {
        _db.AssertMatches(C("title", Eq, "ab"), "t5");
        _db.AssertMatches(C("assigneeId", Eq, null), "t2", "t3", "t4");
        _db.AssertMatches(C("priority", Eq, 3), "t1", "t5");
        _db.AssertMatches(C("estimate", Eq, 2.0), "t2");
        _db.AssertMatches(C("done", Eq, true), "t1", "t5");
        _db.AssertMatches(C("status", Eq, "TODO"), "t1", "t5");
        _db.AssertMatches(C("dueAt", Eq, FixedTasksFixture.Month(1)), "t1");
        _db.AssertMatches(C("title", Eq, "Ab"));
    }

    [Fact]
    public void Neq_OnValuesAndNull_IsNotEq()
    {
        _db.AssertMatches(C("assigneeId", Neq, null), "t1", "t5");
        _db.AssertMatches(C("assigneeId", Neq, "u1"), "t2", "t3", "t4", "t5");
        _db.AssertMatches(C("done", Neq, true), "t2", "t3", "t4");
        _db.AssertMatches(C("estimate", Neq, 1.5), "t2", "t3", "t4", "t5");
    }

    [Fact]
    public void SystemFields_Compared_UseColumns()
    {
        _db.AssertMatches(C("id", Eq, "t3"), "t3");
        _db.AssertMatches(C("version", Gt, 1), "t2", "t4");
        _db.AssertMatches(C("createdBy", Eq, null), "t2", "t4", "t5");
        _db.AssertMatches(C("createdBy", In, Values("u1", "u2")), "t1", "t3");
        _db.AssertMatches(C("createdAt", Gte, FixedTasksFixture.Month(4)), "t4", "t5");
        _db.AssertMatches(C("updatedAt", Lt, FixedTasksFixture.Month(2)), "t1");
        _db.AssertMatches(C("id", StartsWith, "t"), "t1", "t2", "t3", "t4", "t5");
    }

    [Fact]
    public void InAndNin_WithValuesNullsAndEmptyLists_AreComplements()
    {
        _db.AssertMatches(C("priority", In, Values(3, 10)), "t1", "t4", "t5");
        _db.AssertMatches(C("priority", Nin, Values(3, 10)), "t2", "t3");
        _db.AssertMatches(C("assigneeId", In, Values("u1", null)), "t1", "t2", "t3", "t4");
        _db.AssertMatches(C("assigneeId", Nin, Values("u1", null)), "t5");
        _db.AssertMatches(C("assigneeId", Nin, Values("u1")), "t2", "t3", "t4", "t5");
        _db.AssertMatches(C("title", In, Values()));
        _db.AssertMatches(C("title", Nin, Values()), "t1", "t2", "t3", "t4", "t5");
        _db.AssertMatches(C("status", In, Values("DOING", "DONE")), "t2", "t4");
        _db.AssertMatches(C("status", Nin, Values("DOING", "DONE")), "t1", "t3", "t5");
    }

    [Fact]
    public void Contains_CaseSensitiveAndFalseOnNull_NContainsIsComplement()
    {
        _db.AssertMatches(C("title", Contains, "rite"), "t1", "t2");
        _db.AssertMatches(C("title", NContains, "rite"), "t3", "t4", "t5");
        _db.AssertMatches(C("title", Contains, "W"), "t1");
        _db.AssertMatches(C("title", Contains, ""), "t1", "t2", "t3", "t4", "t5");
        _db.AssertMatches(C("title", Contains, "%"));
        _db.AssertMatches(C("assigneeId", Contains, "u"), "t1", "t5");
        _db.AssertMatches(C("assigneeId", NContains, "u"), "t2", "t3", "t4");
        _db.AssertMatches(C("priority", Contains, "3"));
        _db.AssertMatches(C("priority", NContains, "3"), "t1", "t2", "t3", "t4", "t5");
    }

    [Fact]
    public void StartsWith_OnStringsAndNull_NStartsWithIsComplement()
    {
        _db.AssertMatches(C("title", StartsWith, "write"), "t2");
        _db.AssertMatches(C("title", StartsWith, ""), "t1", "t2", "t3", "t4", "t5");
        _db.AssertMatches(C("title", StartsWith, "_"));
        _db.AssertMatches(C("title", NStartsWith, "W"), "t2", "t3", "t4", "t5");
        _db.AssertMatches(C("assigneeId", NStartsWith, "u1"), "t2", "t3", "t4", "t5");
    }

    [Fact]
    public void EndsWith_OnStringsAndNull_NEndsWithIsComplement()
    {
        _db.AssertMatches(C("title", EndsWith, "s"), "t1", "t2");
        _db.AssertMatches(C("title", EndsWith, ""), "t1", "t2", "t3", "t4", "t5");
        _db.AssertMatches(C("title", EndsWith, "ab"), "t5");
        _db.AssertMatches(C("title", EndsWith, "xab"));
        _db.AssertMatches(C("title", EndsWith, "é"), "t4");
        _db.AssertMatches(C("title", NEndsWith, "s"), "t3", "t4", "t5");
        _db.AssertMatches(C("assigneeId", NEndsWith, "1"), "t2", "t3", "t4", "t5");
    }

    [Fact]
    public void OrderOperators_OnInts_AreNumericAndFalseOnNull()
    {
        _db.AssertMatches(C("priority", Gt, 0), "t1", "t4", "t5");
        _db.AssertMatches(C("priority", Ngt, 0), "t2", "t3");
        _db.AssertMatches(C("priority", Gte, 3), "t1", "t4", "t5");
        _db.AssertMatches(C("priority", Ngte, 3), "t2", "t3");
        _db.AssertMatches(C("priority", Lt, 0), "t2");
        _db.AssertMatches(C("priority", Nlt, 0), "t1", "t3", "t4", "t5");
        _db.AssertMatches(C("priority", Lte, 0), "t2", "t3");
        _db.AssertMatches(C("priority", Nlte, 0), "t1", "t4", "t5");
    }

    [Fact]
    public void OrderOperators_OnFloatsWithNulls_NegationsIncludeNull()
    {
        _db.AssertMatches(C("estimate", Gt, 0), "t1", "t2");
        _db.AssertMatches(C("estimate", Ngt, 0), "t3", "t4", "t5");
        _db.AssertMatches(C("estimate", Lt, 1.5), "t4");
        _db.AssertMatches(C("estimate", Lte, 1.5), "t1", "t4");
        _db.AssertMatches(C("estimate", Gte, 1.75), "t2");
        _db.AssertMatches(C("estimate", Gt, null));
        _db.AssertMatches(C("estimate", Ngt, null), "t1", "t2", "t3", "t4", "t5");
    }

    [Fact]
    public void OrderOperators_OnDateTimesAndStrings_CompareOrdinally()
    {
        _db.AssertMatches(C("dueAt", Gt, FixedTasksFixture.Month(3)), "t2");
        _db.AssertMatches(C("dueAt", Lt, FixedTasksFixture.Month(3)), "t1");
        _db.AssertMatches(C("dueAt", Nlt, FixedTasksFixture.Month(3)), "t2", "t3", "t4", "t5");
        _db.AssertMatches(C("dueAt", Lte, FixedTasksFixture.Month(1)), "t1");
        _db.AssertMatches(C("title", Gt, "a"), "t2", "t4", "t5");
        _db.AssertMatches(C("title", Lt, "a"), "t1", "t3");
    }
}
