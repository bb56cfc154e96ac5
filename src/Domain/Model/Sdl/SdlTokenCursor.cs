namespace CollectionStore.Domain.Model.Sdl;

/// <summary>Walks the token list for the recursive-descent parser and raises syntax errors.</summary>
internal sealed class SdlTokenCursor
{
    private readonly IReadOnlyList<SdlToken> _tokens;
    private readonly string _filePath;
    private int _index;

    public SdlTokenCursor(IReadOnlyList<SdlToken> tokens, string filePath)
    {
        _tokens = tokens;
        _filePath = filePath;
    }

    /// <summary>The token at the cursor (end of file once everything is consumed).</summary>
    public SdlToken Current => _tokens[_index];

    /// <summary>The token after the current one.</summary>
    public SdlToken Next => _tokens[Math.Min(_index + 1, _tokens.Count - 1)];

    public bool Is(SdlTokenKind kind) => Current.Kind == kind;

    public bool IsName(string keyword) =>
        Current.Kind == SdlTokenKind.Name && string.Equals(Current.Text, keyword, StringComparison.Ordinal);

    /// <summary>Consumes and returns the current token.</summary>
    public SdlToken Advance()
    {
        var token = Current;
        if (_index < _tokens.Count - 1)
        {
            _index++;
        }

        return token;
    }

    /// <summary>Consumes the current token when it has the given kind.</summary>
    public bool Skip(SdlTokenKind kind)
    {
        if (!Is(kind))
        {
            return false;
        }

        Advance();
        return true;
    }

    /// <summary>Consumes a token of the given kind or fails with "expected …, found …".</summary>
    public SdlToken Expect(SdlTokenKind kind, string expected)
    {
        if (!Is(kind))
        {
            throw Unexpected(expected);
        }

        return Advance();
    }

    /// <summary>The syntax error for the current token when <paramref name="expected"/> was required.</summary>
    public ModelException Unexpected(string expected) =>
        Error(Current.Location, $"Syntax error: expected {expected}, found {Current.Describe()}.");

    public ModelException Error(SourceLocation location, string problem) => new(_filePath, location, problem);
}
