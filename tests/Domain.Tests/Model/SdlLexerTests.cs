using CollectionStore.Domain.Model;
using CollectionStore.Domain.Model.Sdl;

namespace CollectionStore.Domain.Tests.Model;

/// <summary>The SDL lexer: token kinds, decoded values and one-based locations.</summary>
public sealed class SdlLexerTests
{
    [Fact]
    public void Tokenize_IgnoresCommentsCommasAndByteOrderMark()
    {
        var tokens = SdlLexer.Tokenize("\uFEFF# comment\ntype ,, A { x: [Int!]! } # trailing", "f");

        Assert.Equal(
            "Name:type Name:A LeftBrace:{ Name:x Colon:: LeftBracket:[ Name:Int Bang:! RightBracket:] Bang:! RightBrace:} EndOfFile:",
            string.Join(' ', tokens.Select(t => $"{t.Kind}:{t.Text}")));
        Assert.Equal(new SourceLocation(2, 1), tokens[0].Location);
        Assert.Equal(new SourceLocation(2, 9), tokens[1].Location);
        Assert.Equal(new SourceLocation(2, 36), tokens[^1].Location);
    }

    [Theory]
    [InlineData("a\nb")]
    [InlineData("a\r\nb")]
    [InlineData("a\rb")]
    public void Tokenize_EachLineTerminator_StartsOneNewLine(string text)
    {
        var tokens = SdlLexer.Tokenize(text, "f");

        Assert.Equal(new SourceLocation(2, 1), tokens[1].Location);
    }

    [Fact]
    public void Tokenize_BlockString_TracksLinesAndDedents()
    {
        var tokens = SdlLexer.Tokenize("\"\"\"\n    first\n      second\n\n    \\\"\"\" quoted\n  \"\"\" next", "f");

        Assert.Equal(SdlTokenKind.BlockString, tokens[0].Kind);
        Assert.Equal("first\n  second\n\n\"\"\" quoted", tokens[0].Text);
        Assert.Equal(new SourceLocation(6, 7), tokens[1].Location);
    }

    [Theory]
    [InlineData("0", false)]
    [InlineData("-12", false)]
    [InlineData("1.5", true)]
    [InlineData("1e10", true)]
    [InlineData("-0.5E-3", true)]
    public void Tokenize_Numbers_HaveKindAndText(string text, bool isFloat)
    {
        var token = SdlLexer.Tokenize(text, "f")[0];

        Assert.Equal(isFloat ? SdlTokenKind.Float : SdlTokenKind.Int, token.Kind);
        Assert.Equal(text, token.Text);
    }

    [Fact]
    public void Tokenize_Spread_IsOneToken()
    {
        Assert.Equal(SdlTokenKind.Spread, SdlLexer.Tokenize("...", "f")[0].Kind);
    }

    [Theory]
    [InlineData("..", 1, 1, "Unexpected character '.'.")]
    [InlineData("1.", 1, 3, "Invalid number: expected a digit, found end of file.")]
    [InlineData("\"\\u12G4\"", 1, 2, "Invalid unicode escape sequence in string.")]
    [InlineData("a\n  \u0007", 2, 3, "Unexpected character U+0007.")]
    public void Tokenize_InvalidInput_ReportsLocation(string text, int line, int column, string problem)
    {
        var error = Assert.Throws<ModelException>(() => SdlLexer.Tokenize(text, "file.graphql"));

        Assert.Equal(new SourceLocation(line, column), error.Location);
        Assert.Equal(problem, error.Problem);
        Assert.Equal("file.graphql", error.FilePath);
    }
}
