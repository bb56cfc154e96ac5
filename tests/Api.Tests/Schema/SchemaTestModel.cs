using CollectionStore.Domain.Model;

namespace CollectionStore.Api.Tests.Schema;

/// <summary>The repository's schema.graphql model (linked into the test output), as the tests build the API from it.</summary>
internal static class SchemaTestModel
{
    public static CollectionModel Load() => ModelParser.ParseFile(Path.Combine(AppContext.BaseDirectory, "schema.graphql"));
}
