namespace CollectionStore.Domain.Model.Sdl;

/// <summary>The lexical tokens of GraphQL SDL (GraphQL spec §2.1.6).</summary>
internal enum SdlTokenKind
{
    EndOfFile,
    Name,
    Int,
    Float,
    String,
    BlockString,
    Bang,
    Dollar,
    Ampersand,
    LeftParen,
    RightParen,
    Spread,
    Colon,
    Equals,
    At,
    LeftBracket,
    RightBracket,
    LeftBrace,
    Pipe,
    RightBrace,
}
