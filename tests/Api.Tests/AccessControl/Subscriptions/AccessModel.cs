namespace CollectionStore.Api.Tests.AccessControl.Subscriptions;

/// <summary>
/// The default model with the rules the product ships, plus two small collections for role and attribute
/// rules: <c>Memo</c> (readable by members, shared ones also by reviewers) and <c>Bulletin</c> (readable by the
/// subjects whose <c>team</c> attribute equals the bulletin's team).
/// </summary>
public static class AccessModel
{
    public const string Text = """
        enum Action { READ CREATE UPDATE DELETE }
        directive @allow(to: [Action!]!, roles: [String!], where: JSON, fields: [String!]) repeatable on OBJECT | FIELD_DEFINITION
        directive @role(name: String!, inherits: [String!]) repeatable on SCHEMA

        extend schema @role(name: "member")
        extend schema @role(name: "reviewer")

        type Project @collection
          @allow(to: [READ], where: { or: [{ ownerId: { eq: "$subject.id" } }, { memberIds: { some: { eq: "$subject.id" } } }] })
          @allow(to: [CREATE], roles: ["member"], where: { ownerId: { eq: "$subject.id" } })
          @allow(to: [UPDATE, DELETE], where: { ownerId: { eq: "$subject.id" } }) {
          name: String! @unique
          ownerId: ID!
          memberIds: [ID!]! @default(value: [])
          archived: Boolean! @default(value: false)
          tasks: [Task!]! @hasMany(field: "projectId")
        }

        type Task @collection
          @allow(to: [READ, CREATE, UPDATE], where: { project: { or: [{ ownerId: { eq: "$subject.id" } }, { memberIds: { some: { eq: "$subject.id" } } }] } })
          @allow(to: [DELETE], where: { project: { ownerId: { eq: "$subject.id" } } }) {
          projectId: ID! @index
          project: Project @belongsTo(field: "projectId")
          title: String!
          done: Boolean! @default(value: false)
          priority: Int! @default(value: 0)
          assigneeId: ID
          tags: [String!]! @default(value: [])
          estimate: Float @allow(to: [READ, UPDATE], where: { project: { ownerId: { eq: "$subject.id" } } })
          dueAt: DateTime
          labels: [Label!]! @default(value: [])
        }

        type Label {
          name: String!
          color: String
        }

        type Comment @collection
          @allow(to: [READ], where: { task: { project: { or: [{ ownerId: { eq: "$subject.id" } }, { memberIds: { some: { eq: "$subject.id" } } }] } } })
          @allow(to: [CREATE], where: { authorId: { eq: "$subject.id" }, task: { project: { or: [{ ownerId: { eq: "$subject.id" } }, { memberIds: { some: { eq: "$subject.id" } } }] } } })
          @allow(to: [UPDATE, DELETE], where: { authorId: { eq: "$subject.id" } }) {
          taskId: ID! @index
          task: Task @belongsTo(field: "taskId")
          authorId: ID!
          body: String!
        }

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
}
