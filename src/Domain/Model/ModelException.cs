namespace CollectionStore.Domain.Model;

/// <summary>
/// The model file has an error. The message names the file, line and column so the server can
/// print it and exit non-zero at start.
/// </summary>
public sealed class ModelException : Exception
{
    public ModelException(string filePath, SourceLocation location, string problem)
        : base($"{filePath}({location.Line},{location.Column}): {problem}")
    {
        FilePath = filePath;
        Location = location;
        Problem = problem;
    }

    public ModelException()
    {
        FilePath = string.Empty;
        Problem = string.Empty;
    }

    public ModelException(string message)
        : base(message)
    {
        FilePath = string.Empty;
        Problem = message;
    }

    public ModelException(string message, Exception innerException)
        : base(message, innerException)
    {
        FilePath = string.Empty;
        Problem = message;
    }

    /// <summary>The model file's path as given to the parser.</summary>
    public string FilePath { get; }

    /// <summary>Where in the file the problem is.</summary>
    public SourceLocation Location { get; }

    /// <summary>The problem without the location prefix.</summary>
    public string Problem { get; }
}
