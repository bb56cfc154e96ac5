namespace CollectionStore.Domain.Tests.Model;

/// <summary>Errors in directive uses: unknown names, arguments, places and repeats.</summary>
public sealed class ModelParserDirectiveErrorTests
{
    [Fact]
    public void Parse_UnknownDirective_ListsSupportedOnes()
    {
        ModelAssert.Fails(
            "type Task @collection {\n  title: String @searchable\n}",
            2,
            17,
            "Unknown directive '@searchable'. Supported directives: @collection, @index, @unique, @default, @belongsTo, @hasMany, @role, @allow.");
    }

    [Fact]
    public void Parse_UnsupportedArgument_ReportsArgument()
    {
        ModelAssert.Fails("type Task @collection {\n  title: String @index(foo: 1)\n}", 2, 24, "Directive '@index' has no argument 'foo'; it takes no arguments.");
    }

    [Fact]
    public void Parse_UnsupportedArgumentOfDirectiveWithArguments_NamesTheArguments()
    {
        ModelAssert.Fails(
            "type P @collection { a: ID }\ntype T @collection { pId: ID p: P @belongsTo(field: \"pId\", key: \"id\") }",
            2,
            60,
            "Directive '@belongsTo' has no argument 'key'; its arguments are 'field'.");
    }

    [Fact]
    public void Parse_CollectionWithArgument_Fails()
    {
        ModelAssert.Fails("type Task @collection(name: \"tasks\") { a: ID }", 1, 23, "Directive '@collection' has no argument 'name'; it takes no arguments.");
    }

    [Fact]
    public void Parse_BelongsToWithoutField_ReportsMissingArgument()
    {
        ModelAssert.Fails(
            "type P @collection { a: ID }\ntype T @collection { pId: ID p: P @belongsTo }",
            2,
            35,
            "Directive '@belongsTo' requires the argument 'field'.");
    }

    [Fact]
    public void Parse_DefaultWithoutValue_ReportsMissingArgument()
    {
        ModelAssert.Fails("type Task @collection { done: Boolean @default() }", 1, 48, "Syntax error: expected an argument name, found ')'.");
        ModelAssert.Fails("type Task @collection { done: Boolean @default }", 1, 39, "Directive '@default' requires the argument 'value'.");
    }

    [Fact]
    public void Parse_RoleWithoutName_ReportsMissingArgument()
    {
        ModelAssert.Fails("extend schema @role(inherits: [\"x\"])\ntype Task @collection { a: ID }", 1, 15, "Directive '@role' requires the argument 'name'.");
    }

    [Fact]
    public void Parse_RepeatedIndex_Fails()
    {
        ModelAssert.Fails("type Task @collection { a: ID @index @index }", 1, 38, "Directive '@index' is repeated; it may appear only once on a field.");
    }

    [Fact]
    public void Parse_IndexOnType_Fails()
    {
        ModelAssert.Fails("type Task @collection @index { a: ID }", 1, 23, "Directive '@index' cannot be used on a type; it belongs on a field.");
    }

    [Fact]
    public void Parse_CollectionOnField_Fails()
    {
        ModelAssert.Fails("type Task @collection { a: ID @collection }", 1, 31, "Directive '@collection' cannot be used on a field; it belongs on a type.");
    }

    [Fact]
    public void Parse_RoleOnType_Fails()
    {
        ModelAssert.Fails("type Task @collection @role(name: \"x\") { a: ID }", 1, 23, "Directive '@role' cannot be used on a type; it belongs on 'extend schema'.");
    }

    [Fact]
    public void Parse_AllowOnSchema_Fails()
    {
        ModelAssert.Fails("extend schema @allow(read: true)\ntype Task @collection { a: ID }", 1, 15, "Directive '@allow' cannot be used on 'extend schema'; it belongs on a type or a field.");
    }

    [Fact]
    public void Parse_DirectiveOnEnumValue_Fails()
    {
        ModelAssert.Fails("enum S { A @index }\ntype Task @collection { s: S }", 1, 12, "Directive '@index' cannot be used on an enum value; it belongs on a field.");
    }

    [Fact]
    public void Parse_AllowOnEmbeddedType_Fails()
    {
        ModelAssert.Fails(
            "type Task @collection { l: Label }\ntype Label @allow(read: true) { name: String }",
            2,
            12,
            "Directive '@allow' is only supported on @collection types; 'Label' is an embedded type.");
    }

    [Fact]
    public void Parse_IndexOnEmbeddedField_Fails()
    {
        ModelAssert.Fails(
            "type Task @collection { label: Label @index }\ntype Label { name: String }",
            1,
            38,
            "'@index' is not supported on embedded object fields such as 'label: Label'; use it on a scalar or enum field of a collection.");
    }

    [Fact]
    public void Parse_UniqueOnListField_Fails()
    {
        ModelAssert.Fails(
            "type Task @collection { tags: [String!]! @unique }",
            1,
            42,
            "'@unique' is not supported on list fields such as 'tags: [String!]!'; use it on a scalar or enum field of a collection.");
    }

    [Fact]
    public void Parse_IndexInsideEmbeddedType_Fails()
    {
        ModelAssert.Fails(
            "type Task @collection { label: Label }\ntype Label { name: String @index }",
            2,
            27,
            "'@index' is not supported on fields of embedded types; use it on a scalar or enum field of a collection.");
    }

    [Theory]
    [InlineData("@index")]
    [InlineData("@unique")]
    [InlineData("@default(value: null)")]
    public void Parse_StorageDirectiveOnRelation_Fails(string directive)
    {
        ModelAssert.Fails(
            $"type P @collection {{ a: ID }}\ntype T @collection {{ pId: ID p: P @belongsTo(field: \"pId\") {directive} }}",
            2,
            60,
            $"'{directive.Split('(')[0]}' is not supported on the relation field 'p'.");
    }
}
