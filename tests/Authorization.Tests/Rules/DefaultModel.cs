using System.Text.Json.Nodes;
using CollectionStore.Authorization.Rules;
using CollectionStore.Domain.Documents;
using CollectionStore.Domain.Model;

namespace CollectionStore.Authorization.Tests.Rules;

/// <summary>
/// The default model with the rules the product ships (the repository's schema.graphql), and
/// helpers to build documents and subjects for it.
/// </summary>
internal static class DefaultModel
{
    public const string File = "schema.graphql";

    /// <summary>The repository's schema.graphql (linked into the test output): the rules the product ships.</summary>
    public static string Text { get; } = System.IO.File.ReadAllText(Path.Combine(AppContext.BaseDirectory, File));

    public static CollectionModel Model { get; } = ModelParser.Parse(Text, File);

    public static RuleSet Compiled { get; } = RuleSet.Compile(Model, File);

    public static Subject User(string id, params string[] roles) => new(id, roles, [], 1);

    public static Document Doc(string collection, string id, string json, string? createdBy = null) =>
        new(collection, id, 1, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, createdBy, createdBy, JsonNode.Parse(json)!.AsObject());
}
