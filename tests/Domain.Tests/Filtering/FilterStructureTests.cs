using CollectionStore.Domain.Filtering;
using static CollectionStore.Domain.Filtering.ComparisonOperator;
using static CollectionStore.Domain.Tests.Filtering.Filters;

namespace CollectionStore.Domain.Tests.Filtering;

/// <summary>And/or, embedded objects, lists and relations on the fixed tasks, on one engine and in memory.</summary>
public abstract class FilterStructureTests(FixedTasksFixture fixture)
{
    private readonly FilterAgreement _db = fixture.Agreement;

    [Fact]
    public void AndOr_EmptyAndNested_FollowBooleanLogic()
    {
        _db.AssertMatches(And(), "t1", "t2", "t3", "t4", "t5");
        _db.AssertMatches(Or());
        _db.AssertMatches(And(C("priority", Eq, 3), C("done", Eq, true)), "t1", "t5");
        _db.AssertMatches(Or(C("title", Eq, ""), C("status", Eq, "DOING")), "t3", "t4");
        _db.AssertMatches(And(Or(C("estimate", Gt, 1), C("estimate", Eq, null)), C("done", Eq, false)), "t2", "t3");
        _db.AssertMatches(Or(And(), C("title", Eq, "nothing")), "t1", "t2", "t3", "t4", "t5");
    }

    [Fact]
    public void Embedded_OnObjectNullAndMissing_IsFalseWithoutObject()
    {
        _db.AssertMatches(new EmbeddedFilter("label", C("name", Eq, "red")), "t1");
        _db.AssertMatches(new EmbeddedFilter("label", C("color", Eq, null)), "t2");
        _db.AssertMatches(new EmbeddedFilter("label", C("rank", Neq, 1)), "t2");
        _db.AssertMatches(new EmbeddedFilter("label", And()), "t1", "t2");
    }

    [Fact]
    public void ScalarList_SomeAllNone_TreatMissingAsEmpty()
    {
        _db.AssertMatches(new ListFilter("tags", ListQuantifier.Some, C(null, Eq, "b")), "t1", "t3");
        _db.AssertMatches(new ListFilter("tags", ListQuantifier.All, C(null, Eq, "b")), "t2", "t3", "t4");
        _db.AssertMatches(new ListFilter("tags", ListQuantifier.None, C(null, Eq, "b")), "t2", "t4", "t5");
        _db.AssertMatches(new ListFilter("tags", ListQuantifier.Some, C(null, StartsWith, "a")), "t1", "t5");
        _db.AssertMatches(new ListFilter("tags", ListQuantifier.All, C(null, Neq, "")), "t1", "t2", "t3", "t4");
    }

    [Fact]
    public void ScalarList_WithNullElements_NullElementsFailPositiveOperators()
    {
        _db.AssertMatches(new ListFilter("scores", ListQuantifier.Some, C(null, Gt, 1)), "t1", "t2");
        _db.AssertMatches(new ListFilter("scores", ListQuantifier.Some, C(null, Eq, null)), "t2");
        _db.AssertMatches(new ListFilter("scores", ListQuantifier.All, C(null, Gt, 0)), "t1", "t3", "t4", "t5");
        _db.AssertMatches(new ListFilter("scores", ListQuantifier.None, C(null, Eq, null)), "t1", "t3", "t4", "t5");
        _db.AssertMatches(new ListFilter("scores", ListQuantifier.All, C(null, Ngt, 1)), "t3", "t4", "t5");
    }

    [Fact]
    public void ListAny_OnEmptyMissingAndFilledLists_TestsNonEmptiness()
    {
        _db.AssertMatches(new ListAnyFilter("tags", true), "t1", "t3", "t5");
        _db.AssertMatches(new ListAnyFilter("tags", false), "t2", "t4");
        _db.AssertMatches(new ListAnyFilter("labels", true), "t1", "t5");
        _db.AssertMatches(new ListAnyFilter("labels", false), "t2", "t3", "t4");
    }

    [Fact]
    public void ObjectList_SomeAllNone_FilterByElementFields()
    {
        _db.AssertMatches(new ListFilter("labels", ListQuantifier.Some, C("name", Eq, "y")), "t1", "t5");
        _db.AssertMatches(new ListFilter("labels", ListQuantifier.All, C("rank", Eq, 1)), "t2", "t3", "t4");
        _db.AssertMatches(new ListFilter("labels", ListQuantifier.Some, C("color", Eq, null)), "t1", "t5");
        _db.AssertMatches(new ListFilter("labels", ListQuantifier.None, C("name", Eq, "x")), "t2", "t3", "t4", "t5");
    }

    [Fact]
    public void Relation_BelongsTo_FiltersByRelatedDocument()
    {
        _db.AssertMatches(new RelationFilter("project", C("archived", Eq, false)), "t1", "t4");
        _db.AssertMatches(new RelationFilter("project", C("name", StartsWith, "B")), "t2");
        _db.AssertMatches(new RelationFilter("project", C("archived", Neq, true)), "t1", "t4");
        _db.AssertMatches(new RelationFilter("project", And()), "t1", "t2", "t4");
        _db.AssertMatches(new RelationFilter("project", C("id", Eq, "p2")), "t2");
        _db.AssertMatches(new RelationFilter("project", new ListFilter("memberIds", ListQuantifier.Some, C(null, Eq, "u2"))), "t1", "t4");
        _db.AssertMatches(Or(new RelationFilter("project", C("archived", Eq, true)), C("projectId", Eq, null)), "t2", "t5");
    }

    [Fact]
    public void Translate_HasManyRelation_IsRejectedByBothEvaluators()
    {
        var filter = new RelationFilter("tasks", And());
        Assert.Throws<ArgumentException>(() => _db.Translator.Translate(FilteringTestModel.Project, filter, "t", new SqlParameterBag()));
        Assert.Throws<ArgumentException>(() => new InMemoryFilterEvaluator(FilteringTestModel.Model)
            .Matches(FilteringTestModel.Project, _db.Tasks[0] with { Collection = "Project" }, filter, _db.Lookup));
    }

    [Fact]
    public void Translate_UnknownOrNonScalarField_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => _db.SqlIds(C("nope", Eq, 1)));
        Assert.Throws<ArgumentException>(() => _db.MemoryIds(C("nope", Eq, 1)));
        Assert.Throws<ArgumentException>(() => _db.SqlIds(C("label", Eq, null)));
        Assert.Throws<ArgumentException>(() => _db.MemoryIds(C("tags", Eq, null)));
        Assert.Throws<ArgumentException>(() => _db.SqlIds(new EmbeddedFilter("tags", And())));
    }
}
