using System.Text.Json.Nodes;
using CollectionStore.Api.Schema.Identity;
using GraphQLParser;
using GraphQLParser.AST;

namespace CollectionStore.Api.Tests.Identity;

public sealed class JsonGraphTypeTests
{
    private readonly JsonGraphType _json = new();

    [Fact]
    public void ParseLiteral_NestedObject_BecomesJsonNodes()
    {
        var literal = ParseValueLiteral("""{department: "sales", level: 3, ratio: 0.5, tags: ["a", true], none: null}""");

        var node = Assert.IsType<JsonObject>(_json.ParseLiteral(literal));

        Assert.Equal("""{"department":"sales","level":3,"ratio":0.5,"tags":["a",true],"none":null}""", node.ToJsonString());
    }

    [Fact]
    public void ParseValue_VariableDictionary_BecomesJsonObject()
    {
        var value = new Dictionary<string, object?> { ["department"] = "sales", ["level"] = 3, ["tags"] = new List<object?> { "a" } };

        var node = Assert.IsType<JsonObject>(_json.ParseValue(value));

        Assert.Equal("""{"department":"sales","level":3,"tags":["a"]}""", node.ToJsonString());
    }

    [Fact]
    public void Serialize_JsonObject_WritesPlainValues()
    {
        var node = JsonNode.Parse("""{"a": 1, "b": [2.5, "x", false], "c": {"d": null}, "e": 12345678901234}""");

        var plain = Assert.IsType<Dictionary<string, object?>>(_json.Serialize(node));

        Assert.Equal(1L, plain["a"]);
        Assert.Equal(new object?[] { 2.5m, "x", false }, Assert.IsType<List<object?>>(plain["b"]));
        Assert.Null(Assert.IsType<Dictionary<string, object?>>(plain["c"])["d"]);
        Assert.Equal(12345678901234L, plain["e"]);
    }

    [Fact]
    public void ParseLiteral_Variable_IsRefused()
    {
        Assert.ThrowsAny<Exception>(() => _json.ParseLiteral(new GraphQLVariable(new GraphQLName("x"))));
    }

    private static GraphQLValue ParseValueLiteral(string literal)
    {
        var document = Parser.Parse($"{{ f(a: {literal}) }}");
        var operation = (GraphQLOperationDefinition)document.Definitions[0];
        var field = (GraphQLField)operation.SelectionSet.Selections[0];
        return field.Arguments![0].Value;
    }
}
