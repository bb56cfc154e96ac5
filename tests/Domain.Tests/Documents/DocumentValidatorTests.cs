using System.Text.Json.Nodes;
using CollectionStore.Domain.Documents;
using CollectionStore.Domain.Store;
using CollectionStore.Domain.Tests.Store;

namespace CollectionStore.Domain.Tests.Documents;

public sealed class DocumentValidatorTests
{
    private readonly DocumentValidator _validator = new(StoreTestModel.Create());

    private static Domain.Model.CollectionDefinition TaskCollection => StoreTestModel.Create().GetCollection("Task");

    [Fact]
    public void ValidateCreate_OmittedFields_AppliesDefaults()
    {
        var result = _validator.ValidateCreate(TaskCollection, JsonNode.Parse("""{"projectId":"p","title":"t"}""")!.AsObject());

        Assert.Equal(
            """{"projectId":"p","title":"t","done":false,"priority":0,"tags":[],"labels":[]}""",
            result.ToJsonString());
    }

    [Fact]
    public void ValidateCreate_EmbeddedObject_AppliesNestedDefaults()
    {
        var result = _validator.ValidateCreate(TaskCollection, Parse("""{"projectId":"p","title":"t","labels":[{"name":"bug"}]}"""));

        Assert.Equal("""[{"name":"bug","color":"grey"}]""", result["labels"]!.ToJsonString());
    }

    [Fact]
    public void ValidateCreate_DateTimeWithOffset_NormalizesToUtc()
    {
        var result = _validator.ValidateCreate(TaskCollection, Parse("""{"projectId":"p","title":"t","dueAt":"2025-03-01T10:00:00+02:00"}"""));

        Assert.Equal("2025-03-01T08:00:00.0000000Z", result["dueAt"]!.GetValue<string>());
    }

    [Fact]
    public void ValidateCreate_InputIsNotReparented()
    {
        var labels = new JsonArray(new JsonObject { ["name"] = "x", ["color"] = "red" });
        var input = new JsonObject { ["projectId"] = "p", ["title"] = "t", ["labels"] = labels };

        var result = _validator.ValidateCreate(TaskCollection, input);

        Assert.Same(input, labels.Parent);
        Assert.NotSame(labels, result["labels"]);
    }

    [Theory]
    [InlineData("""{"projectId":"p"}""", "'title'", "required")]
    [InlineData("""{"projectId":"p","title":"t","color":"x"}""", "'color'", "not defined on Task")]
    [InlineData("""{"projectId":"p","title":"t","id":"x"}""", "'id'", "not defined on Task")]
    [InlineData("""{"projectId":"p","title":5}""", "'title'", "must be String")]
    [InlineData("""{"projectId":7,"title":"t"}""", "'projectId'", "must be ID")]
    [InlineData("""{"projectId":"p","title":null}""", "'title'", "cannot be null")]
    [InlineData("""{"projectId":"p","title":"t","priority":1.5}""", "'priority'", "Int")]
    [InlineData("""{"projectId":"p","title":"t","priority":3000000000}""", "'priority'", "Int")]
    [InlineData("""{"projectId":"p","title":"t","priority":"1"}""", "'priority'", "Int")]
    [InlineData("""{"projectId":"p","title":"t","estimate":"big"}""", "'estimate'", "Float")]
    [InlineData("""{"projectId":"p","title":"t","done":"yes"}""", "'done'", "Boolean")]
    [InlineData("""{"projectId":"p","title":"t","dueAt":"tomorrow"}""", "'dueAt'", "DateTime")]
    [InlineData("""{"projectId":"p","title":"t","dueAt":"2025-03-01T10:00:00"}""", "'dueAt'", "DateTime")]
    [InlineData("""{"projectId":"p","title":"t","status":"DONE"}""", "'status'", "OPEN, CLOSED")]
    [InlineData("""{"projectId":"p","title":"t","tags":"a"}""", "'tags'", "a list of String")]
    [InlineData("""{"projectId":"p","title":"t","tags":["a",null]}""", "'tags[1]'", "cannot be null")]
    [InlineData("""{"projectId":"p","title":"t","tags":["a",2]}""", "'tags[1]'", "must be String")]
    [InlineData("""{"projectId":"p","title":"t","labels":[{"color":"red"}]}""", "'labels[0].name'", "required")]
    [InlineData("""{"projectId":"p","title":"t","labels":[{"name":"n","size":1}]}""", "'labels[0].size'", "not defined on Label")]
    [InlineData("""{"projectId":"p","title":"t","labels":["bug"]}""", "'labels[0]'", "object of type Label")]
    [InlineData("""{"projectId":"p","title":"t","scores":[1,"x"]}""", "'scores[1]'", "Int")]
    public void ValidateCreate_InvalidData_ThrowsNamingThePath(string json, string path, string problem)
    {
        var error = Assert.Throws<InvalidDocumentException>(() => _validator.ValidateCreate(TaskCollection, Parse(json)));

        Assert.Equal("INVALID_INPUT", error.Code);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateCreate_NullableElementsAndFields_AcceptNull()
    {
        var result = _validator.ValidateCreate(TaskCollection, Parse("""{"projectId":"p","title":"t","scores":[1,null],"estimate":null,"priority":2.0}"""));

        Assert.Equal("[1,null]", result["scores"]!.ToJsonString());
        Assert.Null(result["estimate"]);
        Assert.Equal(2, result["priority"]!.GetValue<int>());
    }

    [Fact]
    public void ApplyPatch_PresentKeysReplaceAndNullClears()
    {
        var stored = Parse("""{"projectId":"p","title":"t","done":false,"estimate":2.5,"removedField":1}""");

        var result = _validator.ApplyPatch(TaskCollection, stored, Parse("""{"title":"new","estimate":null}"""));

        Assert.Equal("""{"projectId":"p","title":"new","done":false,"estimate":null}""", result.ToJsonString());
    }

    [Fact]
    public void ApplyPatch_NonNullFieldSetToNull_Throws()
    {
        var stored = Parse("""{"projectId":"p","title":"t"}""");

        var error = Assert.Throws<InvalidDocumentException>(() => _validator.ApplyPatch(TaskCollection, stored, Parse("""{"title":null}""")));

        Assert.Contains("'title' cannot be null", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ApplyPatch_UnknownField_Throws()
    {
        var error = Assert.Throws<InvalidDocumentException>(() => _validator.ApplyPatch(TaskCollection, Parse("{}"), Parse("""{"version":3}""")));

        Assert.Contains("'version' is not defined on Task", error.Message, StringComparison.Ordinal);
    }

    private static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();
}
