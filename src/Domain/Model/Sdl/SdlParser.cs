using System.Text.Json.Nodes;

namespace CollectionStore.Domain.Model.Sdl;

/// <summary>
/// Recursive-descent parser for the SDL subset a model uses: object types, enums and
/// <c>extend schema</c> with directives. Descriptions are accepted and dropped.
/// </summary>
internal sealed class SdlParser
{
    private static readonly HashSet<string> UnsupportedDefinitions = new(StringComparer.Ordinal)
    {
        "schema", "scalar", "interface", "union", "input",
    };

    private readonly SdlTokenCursor _cursor;
    private readonly List<SdlObjectType> _objectTypes = [];
    private readonly List<SdlEnumType> _enums = [];
    private readonly List<SdlDirective> _schemaDirectives = [];

    private SdlParser(SdlTokenCursor cursor)
    {
        _cursor = cursor;
    }

    /// <summary>Parses a whole model file; throws <see cref="ModelException"/> on a syntax error.</summary>
    public static SdlDocument Parse(string text, string filePath)
    {
        var parser = new SdlParser(new SdlTokenCursor(SdlLexer.Tokenize(text, filePath), filePath));
        parser.ParseDefinitions();
        return new SdlDocument(parser._objectTypes, parser._enums, parser._schemaDirectives);
    }

    private void ParseDefinitions()
    {
        while (!_cursor.Is(SdlTokenKind.EndOfFile))
        {
            SkipDescription();
            ParseDefinition();
        }
    }

    private void ParseDefinition()
    {
        var keyword = _cursor.Current;
        if (keyword.Kind != SdlTokenKind.Name)
        {
            throw _cursor.Unexpected("'type', 'enum' or 'extend schema'");
        }

        switch (keyword.Text)
        {
            case "type":
                _cursor.Advance();
                _objectTypes.Add(ParseObjectType());
                break;
            case "enum":
                _cursor.Advance();
                var enumType = ParseEnumType();
                if (!SdlRuleDeclarations.IsActionEnum(enumType))
                {
                    _enums.Add(enumType);
                }

                break;
            case "directive":
                _cursor.Advance();
                SdlRuleDeclarations.SkipDirectiveDefinition(_cursor);
                break;
            case "extend":
                _cursor.Advance();
                ParseSchemaExtension();
                break;
            case var other when UnsupportedDefinitions.Contains(other):
                throw _cursor.Error(keyword.Location, $"'{other}' definitions are not supported in a model; use 'type', 'enum' or 'extend schema'.");
            default:
                throw _cursor.Unexpected("'type', 'enum' or 'extend schema'");
        }
    }

    private void ParseSchemaExtension()
    {
        if (!_cursor.IsName("schema"))
        {
            throw _cursor.Error(_cursor.Current.Location, $"Only 'extend schema' is supported in a model, found 'extend' followed by {_cursor.Current.Describe()}.");
        }

        var schema = _cursor.Advance();
        var directives = ParseDirectives();
        if (_cursor.Is(SdlTokenKind.LeftBrace))
        {
            throw _cursor.Error(_cursor.Current.Location, "Root operation types are generated from the model; 'extend schema' takes only directives.");
        }

        if (directives.Count == 0)
        {
            throw _cursor.Error(schema.Location, "'extend schema' needs at least one directive.");
        }

        _schemaDirectives.AddRange(directives);
    }

    private SdlObjectType ParseObjectType()
    {
        var name = _cursor.Expect(SdlTokenKind.Name, "a type name");
        if (_cursor.IsName("implements"))
        {
            throw _cursor.Error(_cursor.Current.Location, "Interfaces are not supported in a model.");
        }

        var directives = ParseDirectives();
        _cursor.Expect(SdlTokenKind.LeftBrace, "'{'");
        var fields = new List<SdlField>();
        do
        {
            fields.Add(ParseField());
        }
        while (!_cursor.Skip(SdlTokenKind.RightBrace));

        return new SdlObjectType(name.Text, directives, fields, name.Location);
    }

    private SdlField ParseField()
    {
        SkipDescription();
        var name = _cursor.Expect(SdlTokenKind.Name, "a field name");
        if (_cursor.Is(SdlTokenKind.LeftParen))
        {
            throw _cursor.Error(_cursor.Current.Location, $"Field '{name.Text}' declares arguments; model fields take no arguments.");
        }

        _cursor.Expect(SdlTokenKind.Colon, "':'");
        var type = ParseTypeReference();
        if (_cursor.Is(SdlTokenKind.Equals))
        {
            throw _cursor.Error(_cursor.Current.Location, "Default values are written as @default(value: ...) in a model.");
        }

        return new SdlField(name.Text, type, ParseDirectives(), name.Location);
    }

    private SdlTypeReference ParseTypeReference()
    {
        if (!_cursor.Skip(SdlTokenKind.LeftBracket))
        {
            var named = _cursor.Expect(SdlTokenKind.Name, "a type");
            var nonNull = _cursor.Skip(SdlTokenKind.Bang);
            return new SdlTypeReference(named.Text, false, nonNull, false, named.Location);
        }

        if (_cursor.Is(SdlTokenKind.LeftBracket))
        {
            throw _cursor.Error(_cursor.Current.Location, "Lists of lists are not supported in a model.");
        }

        var element = _cursor.Expect(SdlTokenKind.Name, "a type");
        var elementNonNull = _cursor.Skip(SdlTokenKind.Bang);
        _cursor.Expect(SdlTokenKind.RightBracket, "']'");
        var listNonNull = _cursor.Skip(SdlTokenKind.Bang);
        return new SdlTypeReference(element.Text, true, listNonNull, elementNonNull, element.Location);
    }

    private SdlEnumType ParseEnumType()
    {
        var name = _cursor.Expect(SdlTokenKind.Name, "an enum name");
        var directives = ParseDirectives();
        _cursor.Expect(SdlTokenKind.LeftBrace, "'{'");
        var values = new List<SdlEnumValue>();
        do
        {
            SkipDescription();
            var value = _cursor.Expect(SdlTokenKind.Name, "an enum value");
            values.Add(new SdlEnumValue(value.Text, ParseDirectives(), value.Location));
        }
        while (!_cursor.Skip(SdlTokenKind.RightBrace));

        return new SdlEnumType(name.Text, directives, values, name.Location);
    }

    private List<SdlDirective> ParseDirectives()
    {
        var directives = new List<SdlDirective>();
        while (_cursor.Is(SdlTokenKind.At))
        {
            var at = _cursor.Advance();
            var name = _cursor.Expect(SdlTokenKind.Name, "a directive name");
            directives.Add(new SdlDirective(name.Text, ParseArguments(), at.Location));
        }

        return directives;
    }

    private List<SdlArgument> ParseArguments()
    {
        var arguments = new List<SdlArgument>();
        if (!_cursor.Skip(SdlTokenKind.LeftParen))
        {
            return arguments;
        }

        do
        {
            var name = _cursor.Expect(SdlTokenKind.Name, "an argument name");
            _cursor.Expect(SdlTokenKind.Colon, "':'");
            var valueLocation = _cursor.Current.Location;
            if (arguments.Exists(a => string.Equals(a.Name, name.Text, StringComparison.Ordinal)))
            {
                throw _cursor.Error(name.Location, $"The argument '{name.Text}' is given twice.");
            }

            var enumLiterals = new HashSet<JsonNode>(ReferenceEqualityComparer.Instance);
            var value = SdlValueParser.Parse(_cursor, enumLiterals);
            arguments.Add(new SdlArgument(name.Text, value, enumLiterals, name.Location, valueLocation));
        }
        while (!_cursor.Skip(SdlTokenKind.RightParen));

        return arguments;
    }

    private void SkipDescription()
    {
        if (_cursor.Is(SdlTokenKind.String) || _cursor.Is(SdlTokenKind.BlockString))
        {
            _cursor.Advance();
        }
    }
}
