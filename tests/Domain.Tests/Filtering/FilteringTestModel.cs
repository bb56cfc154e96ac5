using CollectionStore.Domain.Model;

namespace CollectionStore.Domain.Tests.Filtering;

/// <summary>A task tracker model built by hand: every field kind the filters and sorts must handle.</summary>
internal static class FilteringTestModel
{
    private static readonly SourceLocation At = new(1, 1);

    public static CollectionModel Model { get; } = Build();

    public static CollectionDefinition Task => Model.GetCollection("Task");

    public static CollectionDefinition Project => Model.GetCollection("Project");

    private static CollectionModel Build()
    {
        var project = new CollectionDefinition(
            "Project",
            [
                Field("name", Scalar(ScalarTypes.String, nonNull: true)),
                Field("ownerId", Scalar(ScalarTypes.Id, nonNull: true)),
                Field("archived", Scalar(ScalarTypes.Boolean, nonNull: true)),
                Field("memberIds", List(FieldKind.Scalar, ScalarTypes.Id)),
            ],
            [new RelationDefinition("tasks", RelationKind.HasMany, "Task", "projectId", true, At)],
            At);
        var task = new CollectionDefinition(
            "Task",
            [
                Field("projectId", Scalar(ScalarTypes.Id)),
                Field("title", Scalar(ScalarTypes.String, nonNull: true)),
                Field("done", Scalar(ScalarTypes.Boolean, nonNull: true)),
                Field("priority", Scalar(ScalarTypes.Int, nonNull: true)),
                Field("assigneeId", Scalar(ScalarTypes.Id)),
                Field("tags", List(FieldKind.Scalar, ScalarTypes.String)),
                Field("scores", new FieldType(FieldKind.Scalar, ScalarTypes.Int, true, false, false)),
                Field("estimate", Scalar(ScalarTypes.Float)),
                Field("dueAt", Scalar(ScalarTypes.DateTime)),
                Field("status", new FieldType(FieldKind.Enum, "Status", false, false, false)),
                Field("label", new FieldType(FieldKind.Embedded, "Label", false, false, false)),
                Field("labels", List(FieldKind.Embedded, "Label")),
            ],
            [new RelationDefinition("project", RelationKind.BelongsTo, "Project", "projectId", false, At)],
            At);
        var label = new EmbeddedTypeDefinition(
            "Label",
            [
                Field("name", Scalar(ScalarTypes.String, nonNull: true)),
                Field("color", Scalar(ScalarTypes.String)),
                Field("rank", Scalar(ScalarTypes.Int)),
            ],
            At);
        var status = new EnumDefinition("Status", ["TODO", "DOING", "DONE"], At);
        return new CollectionModel([project, task], [label], [status], "schema.graphql");
    }

    private static FieldDefinition Field(string name, FieldType type) => new(name, type, false, false, null, false, At);

    private static FieldType Scalar(string type, bool nonNull = false) => new(FieldKind.Scalar, type, false, nonNull, false);

    private static FieldType List(FieldKind kind, string type) => new(kind, type, true, true, true);
}
