using CollectionStore.Authorization.Rules;
using CollectionStore.Domain.Model;

namespace CollectionStore.Authorization.Tests.Rules;

/// <summary>Compiles small models and checks rule errors: file, line, column and problem.</summary>
internal static class RuleAssert
{
    public const string File = "models/rules.graphql";

    /// <summary>A project/task model whose Task type carries <paramref name="taskDirectives"/> on line 3.</summary>
    public static string Model(string taskDirectives, string schema = "extend schema @role(name: \"member\")") => $$"""
        {{schema}}
        type Project @collection { ownerId: ID memberIds: [ID!] tasks: [Task!]! @hasMany(field: "projectId") }
        type Task @collection {{taskDirectives}} {
          projectId: ID
          project: Project @belongsTo(field: "projectId")
          title: String
          done: Boolean
          priority: Int
          tags: [String!]
          label: Label
          status: Status
        }
        type Label { name: String rank: Int }
        enum Status { OPEN CLOSED }
        """;

    public static RuleSet Compiles(string text) => RuleSet.Compile(ModelParser.Parse(text, File), File);

    public static void Fails(string text, int line, int column, string problem)
    {
        var model = ModelParser.Parse(text, File);
        var error = Assert.Throws<ModelException>(() => RuleSet.Compile(model, File));
        Assert.Equal(File, error.FilePath);
        Assert.Equal(problem, error.Problem);
        Assert.Equal(new SourceLocation(line, column), error.Location);
        Assert.StartsWith($"{File}({line},{column}): ", error.Message, StringComparison.Ordinal);
    }
}
