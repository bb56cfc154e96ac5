namespace CollectionStore.Domain.Tests.Model;

/// <summary>Errors in <c>@belongsTo</c> and <c>@hasMany</c> relations.</summary>
public sealed class ModelParserRelationErrorTests
{
    private const string Project = "type Project @collection { name: String }\n";

    [Fact]
    public void Parse_BelongsToMissingForeignKey_ReportsFieldArgument()
    {
        ModelAssert.Fails(
            Project + "type Task @collection {\n  projectId: ID\n  project: Project @belongsTo(field: \"projId\")\n}",
            4,
            38,
            "'@belongsTo' names the foreign key field 'projId', but the collection 'Task' has no stored field 'projId'.");
    }

    [Fact]
    public void Parse_BelongsToForeignKeyNotId_Fails()
    {
        ModelAssert.Fails(
            Project + "type Task @collection {\n  projectId: String\n  project: Project @belongsTo(field: \"projectId\")\n}",
            4,
            38,
            "The foreign key field 'Task.projectId' must have the type ID or ID!, but it is 'String'.");
    }

    [Fact]
    public void Parse_BelongsToForeignKeyList_Fails()
    {
        ModelAssert.Fails(
            Project + "type Task @collection {\n  projectId: [ID!]\n  project: Project @belongsTo(field: \"projectId\")\n}",
            4,
            38,
            "The foreign key field 'Task.projectId' must have the type ID or ID!, but it is '[ID!]'.");
    }

    [Fact]
    public void Parse_BelongsToNonCollection_Fails()
    {
        ModelAssert.Fails(
            "type Task @collection {\n  labelId: ID\n  label: Label @belongsTo(field: \"labelId\")\n}\ntype Label { name: String }",
            3,
            16,
            "'@belongsTo' needs a field whose type is a @collection type, but 'label' has type 'Label'.");
    }

    [Fact]
    public void Parse_BelongsToUnknownType_ReportsUnknownType()
    {
        ModelAssert.Fails(
            "type Task @collection {\n  ownerId: ID\n  owner: User @belongsTo(field: \"ownerId\")\n}",
            3,
            10,
            "Unknown type 'User'. Use ID, String, Int, Float, Boolean, DateTime, or a type or enum declared in the model.");
    }

    [Fact]
    public void Parse_BelongsToList_Fails()
    {
        ModelAssert.Fails(
            Project + "type Task @collection {\n  projectId: ID\n  project: [Project] @belongsTo(field: \"projectId\")\n}",
            4,
            13,
            "'@belongsTo' resolves one document, so 'project' must have the type 'Project', not a list; use '@hasMany' for lists.");
    }

    [Fact]
    public void Parse_NonNullBelongsToWithNullableKey_Fails()
    {
        ModelAssert.Fails(
            Project + "type Task @collection {\n  projectId: ID\n  project: Project! @belongsTo(field: \"projectId\")\n}",
            4,
            12,
            "The relation 'project' is non-null but its foreign key 'projectId' is nullable; make both nullable or both non-null.");
    }

    [Fact]
    public void Parse_HasManyNotList_Fails()
    {
        ModelAssert.Fails(
            "type Project @collection {\n  task: Task @hasMany(field: \"projectId\")\n}\ntype Task @collection { projectId: ID }",
            2,
            9,
            "'@hasMany' resolves many documents, so 'task' must have a list type such as '[Task!]!'.");
    }

    [Fact]
    public void Parse_HasManyMissingForeignKeyOnTarget_Fails()
    {
        ModelAssert.Fails(
            "type Project @collection {\n  tasks: [Task!]! @hasMany(field: \"ownerId\")\n}\ntype Task @collection { projectId: ID }",
            2,
            35,
            "'@hasMany' names the foreign key field 'ownerId', but the collection 'Task' has no stored field 'ownerId'.");
    }

    [Fact]
    public void Parse_HasManyForeignKeyNotId_Fails()
    {
        ModelAssert.Fails(
            "type Project @collection {\n  tasks: [Task!]! @hasMany(field: \"projectId\")\n}\ntype Task @collection { projectId: Int }",
            2,
            35,
            "The foreign key field 'Task.projectId' must have the type ID or ID!, but it is 'Int'.");
    }

    [Fact]
    public void Parse_HasManyOfEmbeddedType_Fails()
    {
        ModelAssert.Fails(
            "type Project @collection {\n  labels: [Label!]! @hasMany(field: \"projectId\")\n}\ntype Label { projectId: ID }",
            2,
            21,
            "'@hasMany' needs a field whose type is a @collection type, but 'labels' has type 'Label'.");
    }

    [Fact]
    public void Parse_BothRelationDirectives_Fail()
    {
        ModelAssert.Fails(
            Project + "type Task @collection {\n  projectId: ID\n  project: Project @belongsTo(field: \"projectId\") @hasMany(field: \"projectId\")\n}",
            4,
            51,
            "The field 'project' cannot have both @belongsTo and @hasMany.");
    }

    [Fact]
    public void Parse_ForeignKeyArgumentNotString_Fails()
    {
        ModelAssert.Fails(
            Project + "type Task @collection {\n  projectId: ID\n  project: Project @belongsTo(field: [\"projectId\"])\n}",
            4,
            38,
            "The argument 'field' of '@belongsTo' must be a string naming the foreign key field.");
    }

    [Fact]
    public void Parse_SelfRelation_IsAllowed()
    {
        var model = ModelAssert.Parses(
            "type Folder @collection {\n  parentId: ID\n  parent: Folder @belongsTo(field: \"parentId\")\n  children: [Folder!]! @hasMany(field: \"parentId\")\n}");

        var folder = model.GetCollection("Folder");
        Assert.Equal(["parentId"], folder.Fields.Select(f => f.Name));
        Assert.Equal(["parent:BelongsTo:Folder.parentId", "children:HasMany:Folder.parentId"], folder.Relations.Select(r => $"{r.Name}:{r.Kind}:{r.TargetCollection}.{r.ForeignKeyField}"));
    }
}
