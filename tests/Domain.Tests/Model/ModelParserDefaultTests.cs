using System.Text.Json.Nodes;

namespace CollectionStore.Domain.Tests.Model;

/// <summary><c>@default(value:)</c> is checked against the field type and kept in its stored form.</summary>
public sealed class ModelParserDefaultTests
{
    private const string Types = "enum Status { OPEN DONE }\ntype Point { x: Int! y: Int! @default(value: 0) tag: String }\n";

    [Theory]
    [InlineData("String", "\"hi\"", "\"hi\"")]
    [InlineData("String!", "\"\"\"block\"\"\"", "\"block\"")]
    [InlineData("ID", "\"abc\"", "\"abc\"")]
    [InlineData("ID", "42", "\"42\"")]
    [InlineData("Int!", "-7", "-7")]
    [InlineData("Float", "2", "2")]
    [InlineData("Float", "1.5e2", "150")]
    [InlineData("Boolean!", "true", "true")]
    [InlineData("DateTime", "\"2024-01-31T13:00:00+01:00\"", "\"2024-01-31T12:00:00.0000000Z\"")]
    [InlineData("Status!", "DONE", "\"DONE\"")]
    [InlineData("[Status!]!", "[OPEN, DONE]", "[\"OPEN\",\"DONE\"]")]
    [InlineData("[Int]", "[1, null]", "[1,null]")]
    [InlineData("[String!]!", "[]", "[]")]
    [InlineData("String", "null", "null")]
    [InlineData("Point", "{ x: 1 }", "{\"x\":1,\"y\":0}")]
    [InlineData("[Point!]!", "[{ x: 1, y: 2, tag: \"a\" }]", "[{\"x\":1,\"y\":2,\"tag\":\"a\"}]")]
    public void Parse_ValidDefault_IsStoredNormalized(string type, string value, string expectedJson)
    {
        var model = ModelAssert.Parses(Types + $"type Task @collection {{ f: {type} @default(value: {value}) }}");

        var field = model.GetCollection("Task").FindField("f")!;
        Assert.True(field.HasDefault);
        Assert.Equal(expectedJson, field.Default?.ToJsonString() ?? "null");
        Assert.Equal(type, field.Type.ToString());
    }

    [Fact]
    public void Parse_FloatDefaultFromInteger_IsDouble()
    {
        var model = ModelAssert.Parses("type Task @collection { f: Float @default(value: 2) }");

        var value = model.GetCollection("Task").FindField("f")!.Default!.AsValue();
        Assert.True(value.TryGetValue<double>(out var number));
        Assert.Equal(2.0, number);
    }

    [Fact]
    public void Parse_FieldWithoutDefault_HasNoDefault()
    {
        var field = ModelAssert.Parses("type Task @collection { f: String }").GetCollection("Task").FindField("f")!;

        Assert.False(field.HasDefault);
        Assert.Null(field.Default);
        Assert.Empty(field.Directives);
    }

    [Fact]
    public void Parse_EmbeddedFieldDefault_IsAppliedOnEmbeddedDefinition()
    {
        var point = ModelAssert.Parses(Types + "type Task @collection { p: Point }").FindEmbeddedType("Point")!;

        var y = point.FindField("y")!;
        Assert.True(y.HasDefault);
        Assert.Equal(0, y.Default!.GetValue<int>());
    }

    [Theory]
    [InlineData("Boolean!", "1", "the value must be true or false, but it is 1")]
    [InlineData("Boolean!", "null", "the value is null, but the type is non-null")]
    [InlineData("String", "OPEN_", "the value must be a string, but it is OPEN_")]
    [InlineData("Int", "1.5", "the value must be a 32-bit integer, but it is 1.5")]
    [InlineData("Int", "3000000000", "the value must be a 32-bit integer, but it is 3000000000")]
    [InlineData("Float", "\"1\"", "the value must be a number, but it is \"1\"")]
    [InlineData("ID", "true", "the value must be an ID (a string or an integer), but it is true")]
    [InlineData("DateTime", "\"2024-01-31T12:00:00\"", "the value must be an ISO-8601 date-time string with an offset or Z, such as \"2024-01-31T12:00:00Z\", but it is \"2024-01-31T12:00:00\"")]
    [InlineData("Status", "CLOSED", "the value must be one of the Status values OPEN, DONE, but it is CLOSED")]
    [InlineData("Status", "\"OPEN\"", "the value must be one of the Status values OPEN, DONE, but it is \"OPEN\"")]
    [InlineData("[String!]!", "\"a\"", "the value must be a list such as [], but it is \"a\"")]
    [InlineData("[String!]!", "[\"a\", null]", "element 1 is null, but the type is non-null")]
    [InlineData("[Int!]", "[1, \"2\"]", "element 1 must be a 32-bit integer, but it is \"2\"")]
    [InlineData("String", "[\"a\"]", "the value must be a string, but it is [\"a\"]")]
    [InlineData("Point", "1", "the value must be a Point object, but it is 1")]
    [InlineData("Point", "{ y: 1 }", "the value lacks the non-null field 'x' of Point")]
    [InlineData("Point", "{ x: 1, z: 2 }", "the value has the field 'z', which the type Point does not declare")]
    [InlineData("Point", "{ x: \"1\" }", "the field 'x' must be a 32-bit integer, but it is \"1\"")]
    public void Parse_InvalidDefault_ReportsValueLocation(string type, string value, string reason)
    {
        var prefix = "type Task @collection {\n  f: " + type + " @default(value: ";
        var column = prefix.Length - prefix.LastIndexOf('\n');

        ModelAssert.Fails(
            Types + prefix + value + ")\n}",
            4,
            column,
            $"Invalid @default for 'Task.f' of type {type}: {reason}.");
    }

    [Fact]
    public void Parse_DefaultsOfAllJsonKinds_KeepExactValueOnDirective()
    {
        var field = ModelAssert.Parses("type Task @collection { f: [Int!]! @default(value: [1, 2]) }").GetCollection("Task").FindField("f")!;

        var directive = Assert.Single(field.Directives);
        Assert.Equal("default", directive.Name);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("[1,2]"), directive.GetArgument("value")));
    }
}
