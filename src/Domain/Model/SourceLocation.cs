namespace CollectionStore.Domain.Model;

/// <summary>A one-based line and column in the model file, for error messages.</summary>
public readonly record struct SourceLocation(int Line, int Column)
{
    public override string ToString() => $"{Line}:{Column}";
}
