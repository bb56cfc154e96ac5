using System.Text.Json.Nodes;
using CollectionStore.Domain.Model;

namespace CollectionStore.Domain.Tests.Store;

/// <summary>The task-tracker model of schema.graphql built by hand, plus variants for migration tests.</summary>
internal static class StoreTestModel
{
    private static readonly SourceLocation At = new(1, 1);

    public static CollectionModel Create(params FieldDefinition[] extraTaskFields)
    {
        var project = new CollectionDefinition(
            "Project",
            [
                Field("name", Scalar(ScalarTypes.String, nonNull: true), unique: true),
                Field("ownerId", Scalar(ScalarTypes.Id, nonNull: true)),
                Field("memberIds", List(ScalarTypes.Id), defaultValue: new JsonArray()),
                Field("archived", Scalar(ScalarTypes.Boolean, nonNull: true), defaultValue: false),
            ],
            [new RelationDefinition("tasks", RelationKind.HasMany, "Task", "projectId", true, At)],
            At);
        var task = new CollectionDefinition(
            "Task",
            [
                Field("projectId", Scalar(ScalarTypes.Id, nonNull: true), indexed: true),
                Field("title", Scalar(ScalarTypes.String, nonNull: true)),
                Field("done", Scalar(ScalarTypes.Boolean, nonNull: true), defaultValue: false),
                Field("priority", Scalar(ScalarTypes.Int, nonNull: true), defaultValue: 0),
                Field("assigneeId", Scalar(ScalarTypes.Id)),
                Field("tags", List(ScalarTypes.String), defaultValue: new JsonArray()),
                Field("estimate", Scalar(ScalarTypes.Float)),
                Field("dueAt", Scalar(ScalarTypes.DateTime)),
                Field("labels", new FieldType(FieldKind.Embedded, "Label", IsList: true, NonNull: true, ElementNonNull: true), defaultValue: new JsonArray()),
                Field("status", new FieldType(FieldKind.Enum, "Status", IsList: false, NonNull: false, ElementNonNull: false)),
                Field("scores", new FieldType(FieldKind.Scalar, ScalarTypes.Int, IsList: true, NonNull: false, ElementNonNull: false)),
                .. extraTaskFields,
            ],
            [new RelationDefinition("project", RelationKind.BelongsTo, "Project", "projectId", false, At)],
            At);
        var label = new EmbeddedTypeDefinition(
            "Label",
            [
                Field("name", Scalar(ScalarTypes.String, nonNull: true)),
                Field("color", Scalar(ScalarTypes.String), defaultValue: "grey"),
            ],
            At);
        var status = new EnumDefinition("Status", ["OPEN", "CLOSED"], At);
        return new CollectionModel([project, task], [label], [status], "schema.graphql");
    }

    public static FieldDefinition Field(string name, FieldType type, bool indexed = false, bool unique = false, JsonNode? defaultValue = null) =>
        new(name, type, indexed, unique, defaultValue, defaultValue is not null, new SourceLocation(7, 3));

    public static FieldType Scalar(string name, bool nonNull = false) => new(FieldKind.Scalar, name, IsList: false, nonNull, ElementNonNull: false);

    public static FieldType List(string name) => new(FieldKind.Scalar, name, IsList: true, NonNull: true, ElementNonNull: true);

    public static JsonObject Task(string projectId, string title, int priority = 0) =>
        new() { ["projectId"] = projectId, ["title"] = title, ["priority"] = priority };
}
