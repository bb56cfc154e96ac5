namespace CollectionStore.Api.Tests.AccessControl.Queries;

/// <summary>The model the product ships (the repository's schema.graphql, linked into the test output) with its rules.</summary>
internal static class AccessModel
{
    public static string Text { get; } = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "schema.graphql"));
}
