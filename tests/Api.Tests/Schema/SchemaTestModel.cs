using System.Text.Json.Nodes;
using CollectionStore.Domain.Model;

namespace CollectionStore.Api.Tests.Schema;

/// <summary>The repository's schema.graphql model, as the tests build the API from it.</summary>
internal static class SchemaTestModel
{
    public static CollectionModel Load()
    {
        var at = new SourceLocation(1, 1);
        FieldDefinition Field(string name, FieldType type, JsonNode? defaultValue = null, bool hasDefault = false, bool unique = false, bool indexed = false) =>
            new(name, type, indexed, unique, defaultValue, hasDefault, at);
        FieldType Scalar(string name, bool nonNull) => new(FieldKind.Scalar, name, false, nonNull, false);
        FieldType ListOf(FieldKind kind, string name) => new(kind, name, true, true, true);

        var project = new CollectionDefinition(
            "Project",
            [
                Field("name", Scalar("String", true), unique: true),
                Field("ownerId", Scalar("ID", true)),
                Field("memberIds", ListOf(FieldKind.Scalar, "ID"), new JsonArray(), true),
                Field("archived", Scalar("Boolean", true), false, true),
            ],
            [new RelationDefinition("tasks", RelationKind.HasMany, "Task", "projectId", true, at)],
            at);
        var task = new CollectionDefinition(
            "Task",
            [
                Field("projectId", Scalar("ID", true), indexed: true),
                Field("title", Scalar("String", true)),
                Field("done", Scalar("Boolean", true), false, true),
                Field("priority", Scalar("Int", true), 0, true),
                Field("assigneeId", Scalar("ID", false)),
                Field("tags", ListOf(FieldKind.Scalar, "String"), new JsonArray(), true),
                Field("estimate", Scalar("Float", false)),
                Field("dueAt", Scalar("DateTime", false)),
                Field("labels", ListOf(FieldKind.Embedded, "Label"), new JsonArray(), true),
            ],
            [new RelationDefinition("project", RelationKind.BelongsTo, "Project", "projectId", false, at)],
            at);
        var comment = new CollectionDefinition(
            "Comment",
            [
                Field("taskId", Scalar("ID", true), indexed: true),
                Field("authorId", Scalar("ID", true)),
                Field("body", Scalar("String", true)),
            ],
            [new RelationDefinition("task", RelationKind.BelongsTo, "Task", "taskId", false, at)],
            at);
        var label = new EmbeddedTypeDefinition("Label", [Field("name", Scalar("String", true)), Field("color", Scalar("String", false))], at);
        return new CollectionModel([project, task, comment], [label], [], Path.Combine(AppContext.BaseDirectory, "schema.graphql"));
    }
}
