namespace CollectionStore.Api.Tests.AccessControl.Queries;

/// <summary>The default model with the rules the product ships: projects, their tasks and the tasks' comments.</summary>
internal static class AccessModel
{
    public const string Text = """
# The Collection Store model: every `@collection` type becomes a collection with a generated,
# typed GraphQL API (queries, mutations, change subscriptions). Restart the server after editing.
#
# Access is denied unless an @allow grant allows it: a grant covers actions (`to`), optionally requires
# one of `roles` (`anonymous` = everyone; omitted = any signed-in user), and a `where` the document must
# satisfy, written like the `where` argument with $subject.id, $subject.roles,
# $subject.attributes.<name> and $now as values. `fields` narrows what a grant reveals or may change.

enum Action { READ CREATE UPDATE DELETE }
directive @allow(to: [Action!]!, roles: [String!], where: JSON, fields: [String!]) repeatable on OBJECT | FIELD_DEFINITION
directive @role(name: String!, inherits: [String!]) repeatable on SCHEMA

extend schema @role(name: "member")

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
""";
}
