using System.Globalization;
using System.Text;

namespace CollectionStore.Domain.Model.Sdl;

/// <summary>
/// Splits GraphQL SDL text into tokens (GraphQL spec §2.1), tracking the one-based line and column
/// of each. Whitespace, commas, comments and the byte order mark are insignificant and dropped.
/// </summary>
internal sealed class SdlLexer
{
    private readonly string _text;
    private readonly string _filePath;
    private readonly List<SdlToken> _tokens = [];
    private int _position;
    private int _line = 1;
    private int _lineStart;

    private SdlLexer(string text, string filePath)
    {
        _text = text;
        _filePath = filePath;
    }

    /// <summary>Tokenizes the whole text; the last token is always <see cref="SdlTokenKind.EndOfFile"/>.</summary>
    public static IReadOnlyList<SdlToken> Tokenize(string text, string filePath)
    {
        var lexer = new SdlLexer(text, filePath);
        lexer.Run();
        return lexer._tokens;
    }

    private SourceLocation Here => new(_line, _position - _lineStart + 1);

    private char Peek(int offset = 0) =>
        _position + offset < _text.Length ? _text[_position + offset] : '\0';

    private void Run()
    {
        while (true)
        {
            SkipIgnored();
            if (_position >= _text.Length)
            {
                _tokens.Add(new SdlToken(SdlTokenKind.EndOfFile, string.Empty, Here));
                return;
            }

            _tokens.Add(ReadToken());
        }
    }

    private void SkipIgnored()
    {
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (c is ' ' or '\t' or ',' or '\uFEFF')
            {
                _position++;
            }
            else if (c is '\n' or '\r')
            {
                SkipLineTerminator();
            }
            else if (c == '#')
            {
                while (_position < _text.Length && _text[_position] is not ('\n' or '\r'))
                {
                    _position++;
                }
            }
            else
            {
                return;
            }
        }
    }

    private void SkipLineTerminator()
    {
        // "\r\n" is one line terminator, a lone '\r' or '\n' is one too (GraphQL spec §2.1.2).
        if (_text[_position] == '\r' && Peek(1) == '\n')
        {
            _position++;
        }

        _position++;
        _line++;
        _lineStart = _position;
    }

    private SdlToken ReadToken()
    {
        var start = Here;
        var c = _text[_position];
        var punctuator = Punctuator(c);
        if (punctuator is { } kind)
        {
            _position++;
            return new SdlToken(kind, c.ToString(), start);
        }

        if (c == '.')
        {
            if (Peek(1) == '.' && Peek(2) == '.')
            {
                _position += 3;
                return new SdlToken(SdlTokenKind.Spread, "...", start);
            }

            throw Error(start, "Unexpected character '.'.");
        }

        if (IsNameStart(c))
        {
            return ReadName(start);
        }

        if (c == '-' || char.IsAsciiDigit(c))
        {
            return ReadNumber(start);
        }

        if (c == '"')
        {
            return Peek(1) == '"' && Peek(2) == '"' ? ReadBlockString(start) : ReadString(start);
        }

        throw Error(start, $"Unexpected character {DescribeChar(c)}.");
    }

    private static SdlTokenKind? Punctuator(char c) => c switch
    {
        '!' => SdlTokenKind.Bang,
        '$' => SdlTokenKind.Dollar,
        '&' => SdlTokenKind.Ampersand,
        '(' => SdlTokenKind.LeftParen,
        ')' => SdlTokenKind.RightParen,
        ':' => SdlTokenKind.Colon,
        '=' => SdlTokenKind.Equals,
        '@' => SdlTokenKind.At,
        '[' => SdlTokenKind.LeftBracket,
        ']' => SdlTokenKind.RightBracket,
        '{' => SdlTokenKind.LeftBrace,
        '|' => SdlTokenKind.Pipe,
        '}' => SdlTokenKind.RightBrace,
        _ => null,
    };

    private static bool IsNameStart(char c) => c == '_' || char.IsAsciiLetter(c);

    private SdlToken ReadName(SourceLocation start)
    {
        var begin = _position;
        while (_position < _text.Length && (IsNameStart(_text[_position]) || char.IsAsciiDigit(_text[_position])))
        {
            _position++;
        }

        return new SdlToken(SdlTokenKind.Name, _text[begin.._position], start);
    }

    private SdlToken ReadNumber(SourceLocation start)
    {
        var begin = _position;
        if (Peek() == '-')
        {
            _position++;
        }

        if (Peek() == '0' && char.IsAsciiDigit(Peek(1)))
        {
            throw Error(Here, "Numbers may not have leading zeros.");
        }

        ReadDigits();
        var isFloat = false;
        if (Peek() == '.')
        {
            isFloat = true;
            _position++;
            ReadDigits();
        }

        if (Peek() is 'e' or 'E')
        {
            isFloat = true;
            _position++;
            if (Peek() is '+' or '-')
            {
                _position++;
            }

            ReadDigits();
        }

        if (Peek() == '.' || IsNameStart(Peek()))
        {
            throw Error(Here, $"Invalid number: unexpected {DescribeChar(Peek())}.");
        }

        var kind = isFloat ? SdlTokenKind.Float : SdlTokenKind.Int;
        return new SdlToken(kind, _text[begin.._position], start);
    }

    private void ReadDigits()
    {
        if (!char.IsAsciiDigit(Peek()))
        {
            throw Error(Here, _position < _text.Length
                ? $"Invalid number: expected a digit, found {DescribeChar(Peek())}."
                : "Invalid number: expected a digit, found end of file.");
        }

        while (char.IsAsciiDigit(Peek()))
        {
            _position++;
        }
    }

    private SdlToken ReadString(SourceLocation start)
    {
        _position++;
        var value = new StringBuilder();
        while (true)
        {
            if (_position >= _text.Length || _text[_position] is '\n' or '\r')
            {
                throw Error(start, "Unterminated string.");
            }

            var c = _text[_position];
            if (c == '"')
            {
                _position++;
                return new SdlToken(SdlTokenKind.String, value.ToString(), start);
            }

            if (c == '\\')
            {
                value.Append(ReadEscape());
            }
            else
            {
                value.Append(c);
                _position++;
            }
        }
    }

    private char ReadEscape()
    {
        var at = Here;
        var c = Peek(1);
        _position += 2;
        switch (c)
        {
            case '"': return '"';
            case '\\': return '\\';
            case '/': return '/';
            case 'b': return '\b';
            case 'f': return '\f';
            case 'n': return '\n';
            case 'r': return '\r';
            case 't': return '\t';
            case 'u':
                var hex = _position + 4 <= _text.Length ? _text.Substring(_position, 4) : string.Empty;
                if (!ushort.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                {
                    throw Error(at, "Invalid unicode escape sequence in string.");
                }

                _position += 4;
                return (char)code;
            default:
                throw Error(at, $"Invalid escape sequence '\\{c}' in string.");
        }
    }

    private SdlToken ReadBlockString(SourceLocation start)
    {
        _position += 3;
        var raw = new StringBuilder();
        while (true)
        {
            if (_position >= _text.Length)
            {
                throw Error(start, "Unterminated block string.");
            }

            if (_text.AsSpan(_position).StartsWith("\"\"\""))
            {
                _position += 3;
                return new SdlToken(SdlTokenKind.BlockString, BlockStringValue.Dedent(raw.ToString()), start);
            }

            if (_text.AsSpan(_position).StartsWith("\\\"\"\""))
            {
                raw.Append("\"\"\"");
                _position += 4;
            }
            else if (_text[_position] is '\n' or '\r')
            {
                raw.Append('\n');
                SkipLineTerminator();
            }
            else
            {
                raw.Append(_text[_position]);
                _position++;
            }
        }
    }

    private static string DescribeChar(char c) =>
        char.IsControl(c) ? $"U+{(int)c:X4}" : $"'{c}'";

    private ModelException Error(SourceLocation location, string problem) =>
        new(_filePath, location, problem);
}
