using CollectionStore.Domain.Model;

namespace CollectionStore.Domain.Tests.Model;

/// <summary>Assertions for model errors: the file, line, column and problem text.</summary>
internal static class ModelAssert
{
    public const string File = "models/test.graphql";

    public static ModelException Fails(string text, int line, int column, string problem)
    {
        var error = Assert.Throws<ModelException>(() => ModelParser.Parse(text, File));
        Assert.Equal(File, error.FilePath);
        Assert.Equal(problem, error.Problem);
        Assert.Equal(new SourceLocation(line, column), error.Location);
        Assert.Equal($"{File}({line},{column}): {problem}", error.Message);
        return error;
    }

    public static CollectionModel Parses(string text) => ModelParser.Parse(text, File);
}
