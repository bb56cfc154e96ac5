using CollectionStore.Domain.Model.Binding;
using CollectionStore.Domain.Model.Sdl;

namespace CollectionStore.Domain.Model;

/// <summary>
/// Reads a model (<c>schema.graphql</c>): GraphQL SDL with <c>@collection</c> types, embedded object
/// types, enums and the model directives. Any error is a <see cref="ModelException"/> naming the
/// file, line and column.
/// </summary>
public static class ModelParser
{
    /// <summary>Parses model text; <paramref name="filePath"/> is only used in error messages and <see cref="CollectionModel.SourcePath"/>.</summary>
    public static CollectionModel Parse(string text, string filePath)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(filePath);
        return ModelBinder.Bind(SdlParser.Parse(text, filePath), filePath);
    }

    /// <summary>Reads and parses a model file.</summary>
    public static CollectionModel ParseFile(string path) => Parse(File.ReadAllText(path), path);
}
