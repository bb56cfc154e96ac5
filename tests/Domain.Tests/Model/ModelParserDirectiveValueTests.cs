using System.Text.Json;
using System.Text.Json.Nodes;
using CollectionStore.Domain.Model;

namespace CollectionStore.Domain.Tests.Model;

/// <summary>
/// <c>extend schema @role</c> and <c>@allow</c> are kept uninterpreted on the model, with their
/// argument values as JSON of every kind.
/// </summary>
public sealed class ModelParserDirectiveValueTests
{
    private const string Model = """"
        extend schema
          @role(name: "member")
          @role(name: "admin", inherits: ["member"])

        "Tasks of a project."
        type Task @collection @allow(read: "member", write: ["admin"], when: { field: "ownerId", eq: CURRENT_USER }) {
          ownerId: ID!
          title: String @allow(
            s: "text", b: """
              block
                indented
            """, i: 42, big: 5000000000, neg: -3, f: 1.25, e: 2E-1, t: true, fa: false, n: null,
            en: OWNER, l: [1, "two", [3]], o: { nested: { deep: [] } }, empty: {}
          )
        }
        """";

    private readonly CollectionModel _model = ModelAssert.Parses(Model);

    [Fact]
    public void Parse_ExtendSchemaRoles_KeptInOrderWithLocations()
    {
        Assert.Equal(2, _model.SchemaDirectives.Count);
        Assert.All(_model.SchemaDirectives, d => Assert.Equal("role", d.Name));
        Assert.Equal("member", _model.SchemaDirectives[0].GetArgument("name")!.GetValue<string>());
        Assert.Equal(new SourceLocation(2, 3), _model.SchemaDirectives[0].Location);
        Assert.Equal("[\"member\"]", _model.SchemaDirectives[1].GetArgument("inherits")!.ToJsonString());
        Assert.Null(_model.SchemaDirectives[0].GetArgument("inherits"));
    }

    [Fact]
    public void Parse_AllowOnCollection_KeptAfterCollectionDirective()
    {
        var task = _model.GetCollection("Task");

        Assert.Equal(["collection", "allow"], task.Directives.Select(d => d.Name));
        var allow = task.Directives[1];
        Assert.Equal(new SourceLocation(6, 23), allow.Location);
        Assert.Equal(["read", "write", "when"], allow.Arguments.Keys);
        Assert.Equal("{\"field\":\"ownerId\",\"eq\":\"CURRENT_USER\"}", allow.GetArgument("when")!.ToJsonString());
    }

    [Fact]
    public void Parse_AllowOnField_ParsesEveryJsonKind()
    {
        var allow = Assert.Single(_model.GetCollection("Task").FindField("title")!.Directives);
        var args = allow.Arguments;

        Assert.Equal("text", args["s"]!.GetValue<string>());
        Assert.Equal("block\n  indented", args["b"]!.GetValue<string>());
        Assert.Equal(42, args["i"]!.GetValue<int>());
        Assert.Equal(5000000000L, args["big"]!.GetValue<long>());
        Assert.Equal(-3, args["neg"]!.GetValue<int>());
        Assert.Equal(1.25, args["f"]!.GetValue<double>());
        Assert.Equal(0.2, args["e"]!.GetValue<double>());
        Assert.Equal(JsonValueKind.True, args["t"]!.GetValueKind());
        Assert.Equal(JsonValueKind.False, args["fa"]!.GetValueKind());
        Assert.True(args.ContainsKey("n"));
        Assert.Null(args["n"]);
        Assert.Equal("OWNER", args["en"]!.GetValue<string>());
        Assert.Equal("[1,\"two\",[3]]", args["l"]!.ToJsonString());
        Assert.Equal("{\"nested\":{\"deep\":[]}}", args["o"]!.ToJsonString());
        Assert.Equal(JsonValueKind.Object, args["empty"]!.GetValueKind());
    }

    [Fact]
    public void Parse_StringEscapes_AreDecoded()
    {
        var model = ModelAssert.Parses("type Task @collection @allow(s: \"q\\\"b\\\\s\\/n\\nt\\tu\\u00e9\") { a: ID }");

        var value = model.GetCollection("Task").Directives[1].GetArgument("s")!.GetValue<string>();
        Assert.Equal("q\"b\\s/n\nt\tu\u00e9", value);
    }

    [Fact]
    public void Parse_DuplicateObjectField_Fails()
    {
        ModelAssert.Fails("type Task @collection @allow(o: { a: 1, a: 2 }) { a: ID }", 1, 41, "The object value has the field 'a' twice.");
    }

    [Fact]
    public void Parse_RelationAndStoredFieldDirectives_KeptInSourceOrder()
    {
        var model = ModelAssert.Parses(
            "type P @collection { a: ID }\ntype T @collection { pId: ID! @index @allow(read: true) p: P @allow(read: false) @belongsTo(field: \"pId\") }");

        var t = model.GetCollection("T");
        Assert.Equal(["index", "allow"], t.FindField("pId")!.Directives.Select(d => d.Name));
        Assert.Equal(["allow", "belongsTo"], t.FindRelation("p")!.Directives.Select(d => d.Name));
        Assert.True(JsonNode.DeepEquals(JsonValue.Create(false), t.FindRelation("p")!.Directives[0].GetArgument("read")));
    }
}
