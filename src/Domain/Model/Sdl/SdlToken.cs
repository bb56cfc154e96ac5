namespace CollectionStore.Domain.Model.Sdl;

/// <summary>
/// One token with where it starts. For strings <see cref="Text"/> is the decoded value; for other
/// tokens it is the source text.
/// </summary>
internal readonly record struct SdlToken(SdlTokenKind Kind, string Text, SourceLocation Location)
{
    /// <summary>How the token reads in an error message.</summary>
    public string Describe() => Kind switch
    {
        SdlTokenKind.EndOfFile => "end of file",
        SdlTokenKind.Name => $"'{Text}'",
        SdlTokenKind.Int or SdlTokenKind.Float => $"number {Text}",
        SdlTokenKind.String or SdlTokenKind.BlockString => "a string",
        _ => $"'{Text}'",
    };
}
