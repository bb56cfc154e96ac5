namespace CollectionStore.Domain.Tests.Model;

/// <summary>Syntax errors name the file, the line and column of the offending token, and what was expected.</summary>
public sealed class ModelParserSyntaxErrorTests
{
    [Fact]
    public void Parse_MissingColon_ReportsUnexpectedToken()
    {
        ModelAssert.Fails("type Task @collection {\n  title String!\n}", 2, 9, "Syntax error: expected ':', found 'String'.");
    }

    [Fact]
    public void Parse_UnterminatedString_ReportsStringStart()
    {
        ModelAssert.Fails("type Task @collection {\n  p: ID @belongsTo(field: \"projectId\n}", 2, 27, "Unterminated string.");
    }

    [Fact]
    public void Parse_UnterminatedBlockString_ReportsStringStart()
    {
        ModelAssert.Fails("\n  \"\"\"A task\n\ntype Task @collection { title: String }", 2, 3, "Unterminated block string.");
    }

    [Fact]
    public void Parse_UnexpectedCharacter_ReportsIt()
    {
        ModelAssert.Fails("type Task @collection {\n  title: String % \n}", 2, 17, "Unexpected character '%'.");
    }

    [Fact]
    public void Parse_EndOfFileInsideType_ReportsEndOfFile()
    {
        ModelAssert.Fails("type Task @collection {\n  title: String!\n", 3, 1, "Syntax error: expected a field name, found end of file.");
    }

    [Fact]
    public void Parse_EmptyType_ReportsMissingField()
    {
        ModelAssert.Fails("type Task @collection { }", 1, 25, "Syntax error: expected a field name, found '}'.");
    }

    [Fact]
    public void Parse_StrayToken_ReportsExpectedDefinition()
    {
        ModelAssert.Fails("type Task @collection { a: ID }\n}", 2, 1, "Syntax error: expected 'type', 'enum' or 'extend schema', found '}'.");
    }

    [Theory]
    [InlineData("input")]
    [InlineData("interface")]
    [InlineData("scalar")]
    [InlineData("union")]
    public void Parse_UnsupportedDefinition_ReportsKeyword(string keyword)
    {
        ModelAssert.Fails($"type Task @collection {{ a: ID }}\n{keyword} X", 2, 1, $"'{keyword}' definitions are not supported in a model; use 'type', 'enum' or 'extend schema'.");
    }

    [Fact]
    public void Parse_ExtendType_ReportsOnlySchemaExtensions()
    {
        ModelAssert.Fails("extend type Task { a: ID }", 1, 8, "Only 'extend schema' is supported in a model, found 'extend' followed by 'type'.");
    }

    [Fact]
    public void Parse_ExtendSchemaWithoutDirectives_Fails()
    {
        ModelAssert.Fails("extend schema\ntype Task @collection { a: ID }", 1, 8, "'extend schema' needs at least one directive.");
    }

    [Fact]
    public void Parse_ListOfLists_Fails()
    {
        ModelAssert.Fails("type Task @collection { grid: [[Int]] }", 1, 32, "Lists of lists are not supported in a model.");
    }

    [Fact]
    public void Parse_FieldArguments_Fail()
    {
        ModelAssert.Fails("type Task @collection { title(lang: String): String }", 1, 30, "Field 'title' declares arguments; model fields take no arguments.");
    }

    [Fact]
    public void Parse_Implements_Fails()
    {
        ModelAssert.Fails("type Task implements Node @collection { a: ID }", 1, 11, "Interfaces are not supported in a model.");
    }

    [Fact]
    public void Parse_VariableInArgument_Fails()
    {
        ModelAssert.Fails("type Task @collection { a: Int @default(value: $x) }", 1, 48, "Variables are not allowed in a model; use a constant value.");
    }

    [Fact]
    public void Parse_InvalidEscape_ReportsEscapePosition()
    {
        ModelAssert.Fails("type Task @collection { a: String @default(value: \"a\\qb\") }", 1, 53, "Invalid escape sequence '\\q' in string.");
    }

    [Fact]
    public void Parse_DuplicateArgument_Fails()
    {
        ModelAssert.Fails("type Task @collection { a: Int @default(value: 1, value: 2) }", 1, 51, "The argument 'value' is given twice.");
    }

    [Fact]
    public void Parse_LeadingZero_Fails()
    {
        ModelAssert.Fails("type Task @collection { a: Int @default(value: 007) }", 1, 48, "Numbers may not have leading zeros.");
    }

    [Fact]
    public void Parse_NumberFollowedByLetter_Fails()
    {
        ModelAssert.Fails("type Task @collection { a: Int @default(value: 12abc) }", 1, 50, "Invalid number: unexpected 'a'.");
    }

    [Fact]
    public void Parse_IntegerBeyondLong_Fails()
    {
        ModelAssert.Fails("type Task @collection { a: Int @default(value: 99999999999999999999) }", 1, 48, "The integer 99999999999999999999 is out of range.");
    }
}
