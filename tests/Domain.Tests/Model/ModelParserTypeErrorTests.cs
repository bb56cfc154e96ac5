using CollectionStore.Domain.Model;

namespace CollectionStore.Domain.Tests.Model;

/// <summary>Errors in the types a model declares and uses.</summary>
public sealed class ModelParserTypeErrorTests
{
    [Fact]
    public void Parse_UnknownFieldType_ReportsTypeName()
    {
        ModelAssert.Fails(
            "type Task @collection {\n  title: String!\n  owner: [Person!]\n}",
            3,
            11,
            "Unknown type 'Person'. Use ID, String, Int, Float, Boolean, DateTime, or a type or enum declared in the model.");
    }

    [Fact]
    public void Parse_DuplicateCollection_ReportsSecondDeclaration()
    {
        ModelAssert.Fails("type Task @collection { a: ID }\n\ntype Task @collection { b: ID }", 3, 6, "The type 'Task' is declared twice.");
    }

    [Fact]
    public void Parse_EnumNamedLikeType_ReportsLaterDeclaration()
    {
        ModelAssert.Fails("enum Status { OPEN }\ntype Task @collection { a: ID }\ntype Status { b: ID }", 3, 6, "The type 'Status' is declared twice.");
    }

    [Fact]
    public void Parse_DuplicateField_ReportsSecondField()
    {
        ModelAssert.Fails("type Task @collection {\n  title: String\n  title: String!\n}", 3, 3, "The type 'Task' declares the field 'title' twice.");
    }

    [Fact]
    public void Parse_RelationNamedLikeStoredField_ReportsDuplicate()
    {
        ModelAssert.Fails(
            "type Task @collection { project: ID project: Task @belongsTo(field: \"project\") }",
            1,
            37,
            "The type 'Task' declares the field 'project' twice.");
    }

    [Theory]
    [InlineData("id")]
    [InlineData("version")]
    [InlineData("createdAt")]
    [InlineData("updatedAt")]
    [InlineData("createdBy")]
    [InlineData("updatedBy")]
    public void Parse_SystemFieldName_Fails(string name)
    {
        Assert.Contains(name, SystemFields.All);
        ModelAssert.Fails($"type Task @collection {{\n  title: String\n  {name}: String\n}}", 3, 3, $"The field '{name}' is a system field every collection has; choose another name.");
    }

    [Fact]
    public void Parse_SystemFieldNameInEmbeddedType_IsAllowed()
    {
        var model = ModelAssert.Parses("type Task @collection { step: Step }\ntype Step { id: ID! }");

        Assert.Equal("id", Assert.Single(model.FindEmbeddedType("Step")!.Fields).Name);
    }

    [Fact]
    public void Parse_IntrospectionFieldName_Fails()
    {
        ModelAssert.Fails("type Task @collection { __typename: String }", 1, 25, "The field name '__typename' is reserved by GraphQL introspection.");
    }

    [Theory]
    [InlineData("String")]
    [InlineData("ID")]
    [InlineData("DateTime")]
    [InlineData("Boolean")]
    public void Parse_TypeNamedLikeScalar_Fails(string name)
    {
        ModelAssert.Fails($"type Task @collection {{ a: ID }}\ntype {name} {{ b: ID }}", 2, 6, $"The type name '{name}' is a built-in scalar; choose another name.");
    }

    [Fact]
    public void Parse_EnumNamedLikeScalar_Fails()
    {
        ModelAssert.Fails("enum Int { ONE }\ntype Task @collection { a: ID }", 1, 6, "The type name 'Int' is a built-in scalar; choose another name.");
    }

    [Theory]
    [InlineData("PageInfo")]
    [InlineData("Query")]
    [InlineData("SortEnumType")]
    public void Parse_TypeNamedLikeGeneratedType_Fails(string name)
    {
        ModelAssert.Fails($"type {name} @collection {{ a: ID }}", 1, 6, $"The type name '{name}' is reserved for the generated API; choose another name.");
    }

    [Fact]
    public void Parse_NoCollection_Fails()
    {
        ModelAssert.Fails("# only embedded\ntype Label { name: String }", 1, 1, "The model declares no collection; mark at least one type with @collection.");
    }

    [Fact]
    public void Parse_EmptyFile_FailsWithNoCollection()
    {
        ModelAssert.Fails(string.Empty, 1, 1, "The model declares no collection; mark at least one type with @collection.");
    }

    [Fact]
    public void Parse_EmbeddedTypeContainingItself_Fails()
    {
        ModelAssert.Fails(
            "type Task @collection { a: ID }\ntype Node {\n  name: String\n  child: Node\n}",
            4,
            3,
            "The embedded type 'Node' contains itself (Node.child -> Node); embedded types cannot be recursive.");
    }

    [Fact]
    public void Parse_EmbeddedTypesInCycleThroughList_Fails()
    {
        ModelAssert.Fails(
            "type Task @collection { a: A }\ntype A { b: [B!]! }\ntype B { a: A }",
            3,
            10,
            "The embedded type 'A' contains itself (A.b -> B.a -> A); embedded types cannot be recursive.");
    }

    [Fact]
    public void Parse_EmbeddedTypeReferringToCollection_Fails()
    {
        ModelAssert.Fails(
            "type Task @collection { a: ID }\ntype Label { task: Task }",
            2,
            20,
            "The embedded type 'Label' cannot refer to the collection 'Task'; relations are only supported on collections.");
    }

    [Fact]
    public void Parse_CollectionTypedFieldWithoutRelation_Fails()
    {
        ModelAssert.Fails(
            "type Project @collection { a: ID }\ntype Task @collection { project: Project }",
            2,
            25,
            "The field 'project' has the collection type 'Project'; declare the relation with @belongsTo(field: ...) or @hasMany(field: ...).");
    }

    [Fact]
    public void Parse_DuplicateEnumValue_Fails()
    {
        ModelAssert.Fails("enum Status { OPEN DONE OPEN }\ntype Task @collection { s: Status }", 1, 25, "The enum 'Status' declares the value 'OPEN' twice.");
    }

    [Fact]
    public void Parse_EnumValueTrue_Fails()
    {
        ModelAssert.Fails("enum Flag { true }\ntype Task @collection { f: Flag }", 1, 13, "'true' cannot be an enum value.");
    }

    [Fact]
    public void Parse_CollectionsGeneratingSameRootField_Fail()
    {
        ModelAssert.Fails(
            "type Status @collection { a: ID }\ntype Statu @collection { b: ID }",
            2,
            6,
            "The collection 'Statu' would generate the root field 'status', which the collection 'Status' already generates; rename one of them.");
    }
}
