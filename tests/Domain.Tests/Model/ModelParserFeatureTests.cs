using CollectionStore.Domain.Model;

namespace CollectionStore.Domain.Tests.Model;

/// <summary>Model features beyond the default schema: enums, nested embedded types, descriptions.</summary>
public sealed class ModelParserFeatureTests
{
    private const string Model = """"
        "The kinds of work."
        enum Kind {
          "A bug" BUG,
          FEATURE
        }

        """
        An issue.
        """
        type Issue @collection {
          "Short title" title: String! @unique
          kind: Kind! @index @default(value: FEATURE)
          kinds: [Kind]
          address: Address
          history: [Change!]
        }

        type Address { street: String, geo: Geo }
        type Geo { lat: Float! lng: Float! }
        type Change { at: DateTime! note: String }
        type Category @collection { name: String }
        """";

    private readonly CollectionModel _model = ModelAssert.Parses(Model);

    [Fact]
    public void Parse_EnumWithDescriptions_KeepsValuesInOrder()
    {
        var kind = Assert.Single(_model.Enums);
        Assert.Equal("Kind", kind.Name);
        Assert.Equal(["BUG", "FEATURE"], kind.Values);
        Assert.Same(kind, _model.FindEnum("Kind"));
        Assert.Equal(new SourceLocation(2, 6), kind.Location);
    }

    [Fact]
    public void Parse_EnumAndEmbeddedFields_HaveKinds()
    {
        var issue = _model.GetCollection("Issue");
        Assert.Equal(
            ["title:Scalar:String!", "kind:Enum:Kind!", "kinds:Enum:[Kind]", "address:Embedded:Address", "history:Embedded:[Change!]"],
            issue.Fields.Select(f => $"{f.Name}:{f.Type.Kind}:{f.Type}"));
        Assert.True(issue.FindField("kind")!.Indexed);
        Assert.True(issue.FindField("title")!.Unique);
        Assert.False(issue.FindField("title")!.Indexed);
        Assert.Equal("FEATURE", issue.FindField("kind")!.Default!.GetValue<string>());
    }

    [Fact]
    public void Parse_NestedEmbeddedTypes_AreAllListed()
    {
        Assert.Equal(["Address", "Geo", "Change"], _model.EmbeddedTypes.Select(t => t.Name));
        Assert.Equal(FieldKind.Embedded, _model.FindEmbeddedType("Address")!.FindField("geo")!.Type.Kind);
    }

    [Fact]
    public void Parse_PluralNames_FollowEnglishRules()
    {
        Assert.Equal(["issues", "categories"], _model.Collections.Select(c => c.PluralName));
    }

    [Fact]
    public void Parse_TypeOrder_DoesNotMatter()
    {
        var model = ModelAssert.Parses("type Task @collection { labels: [Label!] s: S }\ntype Label { name: String }\nenum S { A }");

        Assert.Equal(FieldKind.Embedded, model.GetCollection("Task").FindField("labels")!.Type.Kind);
        Assert.Equal(FieldKind.Enum, model.GetCollection("Task").FindField("s")!.Type.Kind);
    }
}
