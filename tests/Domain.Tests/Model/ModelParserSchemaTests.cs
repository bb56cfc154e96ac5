using System.Text.Json.Nodes;
using CollectionStore.Domain.Model;

namespace CollectionStore.Domain.Tests.Model;

/// <summary>The repository's own <c>schema.graphql</c> parses into the task tracker model.</summary>
public sealed class ModelParserSchemaTests
{
    private static readonly string SchemaPath = Path.Combine(AppContext.BaseDirectory, "schema.graphql");
    private readonly CollectionModel _model = ModelParser.ParseFile(SchemaPath);

    [Fact]
    public void ParseFile_RepositorySchema_HasThreeCollectionsOneEmbeddedTypeNoEnums()
    {
        Assert.Equal(["Project", "Task", "Comment"], _model.Collections.Select(c => c.Name));
        Assert.Equal(["Label"], _model.EmbeddedTypes.Select(t => t.Name));
        Assert.Empty(_model.Enums);
        Assert.Equal("role", Assert.Single(_model.SchemaDirectives).Name);
        Assert.Equal(SchemaPath, _model.SourcePath);
    }

    [Fact]
    public void ParseFile_RepositorySchema_CollectionNamesAndLocations()
    {
        Assert.Equal(["project", "task", "comment"], _model.Collections.Select(c => c.SingularName));
        Assert.Equal(["projects", "tasks", "comments"], _model.Collections.Select(c => c.PluralName));
        Assert.Equal(new SourceLocation(15, 6), _model.GetCollection("Project").Location);
        Assert.Equal(new SourceLocation(26, 6), _model.GetCollection("Task").Location);
        Assert.Equal(["collection", "allow", "allow"], _model.GetCollection("Task").Directives.Select(d => d.Name));
    }

    [Fact]
    public void ParseFile_RepositorySchema_ProjectFields()
    {
        var project = _model.GetCollection("Project");
        Assert.Equal(
            ["name: String! unique", "ownerId: ID!", "memberIds: [ID!]! default=[]", "archived: Boolean! default=false"],
            project.Fields.Select(Describe));
        Assert.Equal(new SourceLocation(19, 3), project.Fields[0].Location);
    }

    [Fact]
    public void ParseFile_RepositorySchema_TaskFields()
    {
        var task = _model.GetCollection("Task");
        Assert.Equal(
            [
                "projectId: ID! index",
                "title: String!",
                "done: Boolean! default=false",
                "priority: Int! default=0",
                "assigneeId: ID",
                "tags: [String!]! default=[]",
                "estimate: Float",
                "dueAt: DateTime",
                "labels: [Label!]! default=[]",
            ],
            task.Fields.Select(Describe));
        Assert.Equal(FieldKind.Embedded, task.FindField("labels")!.Type.Kind);
        Assert.Equal(FieldKind.Scalar, task.FindField("dueAt")!.Type.Kind);
        Assert.Null(task.FindField("project"));
    }

    [Fact]
    public void ParseFile_RepositorySchema_FieldTypeFlags()
    {
        var tags = _model.GetCollection("Task").FindField("tags")!.Type;
        Assert.Equal(new FieldType(FieldKind.Scalar, "String", IsList: true, NonNull: true, ElementNonNull: true), tags);
        var assignee = _model.GetCollection("Task").FindField("assigneeId")!.Type;
        Assert.Equal(new FieldType(FieldKind.Scalar, "ID", IsList: false, NonNull: false, ElementNonNull: false), assignee);
    }

    [Fact]
    public void ParseFile_RepositorySchema_Relations()
    {
        var projectTasks = Assert.Single(_model.GetCollection("Project").Relations);
        Assert.Equal(new RelationDefinition("tasks", RelationKind.HasMany, "Task", "projectId", true, new SourceLocation(23, 3)), projectTasks with { Directives = [] });
        Assert.Equal("hasMany", Assert.Single(projectTasks.Directives).Name);

        var taskProject = Assert.Single(_model.GetCollection("Task").Relations);
        Assert.Equal(new RelationDefinition("project", RelationKind.BelongsTo, "Project", "projectId", false, new SourceLocation(30, 3)), taskProject with { Directives = [] });

        var commentTask = Assert.Single(_model.GetCollection("Comment").Relations);
        Assert.Equal(new RelationDefinition("task", RelationKind.BelongsTo, "Task", "taskId", false, new SourceLocation(51, 3)), commentTask with { Directives = [] });
        Assert.Same(commentTask, _model.GetCollection("Comment").FindRelation("task"));
    }

    [Fact]
    public void ParseFile_RepositorySchema_CommentAndEmbeddedLabel()
    {
        Assert.Equal(
            ["taskId: ID! index", "authorId: ID!", "body: String!"],
            _model.GetCollection("Comment").Fields.Select(Describe));
        var label = _model.FindEmbeddedType("Label")!;
        Assert.Equal(["name: String!", "color: String"], label.Fields.Select(Describe));
        Assert.Equal(new SourceLocation(41, 6), label.Location);
    }

    [Fact]
    public void ParseFile_MissingFile_ThrowsFileNotFound()
    {
        Assert.Throws<FileNotFoundException>(() => ModelParser.ParseFile(Path.Combine(AppContext.BaseDirectory, "missing.graphql")));
    }

    private static string Describe(FieldDefinition field)
    {
        var text = $"{field.Name}: {field.Type}";
        if (field.Indexed)
        {
            text += " index";
        }

        if (field.Unique)
        {
            text += " unique";
        }

        if (field.HasDefault)
        {
            text += " default=" + (field.Default?.ToJsonString() ?? "null");
        }

        return text;
    }
}
