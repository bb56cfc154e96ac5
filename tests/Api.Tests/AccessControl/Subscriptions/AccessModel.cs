namespace CollectionStore.Api.Tests.AccessControl.Subscriptions;

/// <summary>
/// The model the product ships (the repository's schema.graphql with its rules), plus a role and two small
/// collections for role and attribute rules: <c>Memo</c> (readable by members, shared ones also by reviewers) and
/// <c>Bulletin</c> (readable by the subjects whose <c>team</c> attribute equals the bulletin's team).
/// </summary>
public static class AccessModel
{
    private const string Additions = """
        extend schema @role(name: "reviewer")

        type Memo @collection
          @allow(to: [READ], roles: ["member"])
          @allow(to: [READ], roles: ["reviewer"], where: { shared: { eq: true } }) {
          text: String!
          shared: Boolean! @default(value: false)
        }

        type Bulletin @collection
          @allow(to: [READ], where: { team: { eq: "$subject.attributes.team" } }) {
          team: String!
          text: String!
        }
        """;

    public static string Text { get; } = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "schema.graphql")) + Additions;
}
