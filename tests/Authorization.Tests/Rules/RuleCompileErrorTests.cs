using CollectionStore.Domain.Model;
using static CollectionStore.Authorization.Tests.Rules.RuleAssert;

namespace CollectionStore.Authorization.Tests.Rules;

/// <summary>Every bad reference in a rule stops the start with the file, line and column of its directive.</summary>
public sealed class RuleCompileErrorTests
{
    [Theory]
    [InlineData("{ nope: { eq: 1 } }", "Unknown field 'nope' of Task in a rule's where.")]
    [InlineData("{ project: { nope: { eq: \"x\" } } }", "Unknown field 'nope' of Project in a rule's where.")]
    [InlineData("{ label: { color: { eq: \"x\" } } }", "Unknown field 'color' of Label in a rule's where.")]
    [InlineData("{ project: { tasks: { any: true } } }", "'tasks' is a @hasMany relation of Project; rules can only follow @belongsTo relations.")]
    [InlineData("{ tags: { most: { eq: \"x\" } } }", "'most' is not a list filter of 'tags'; use some, all, none or any.")]
    [InlineData("{ title: { gt: \"x\" } }", "'gt' is not an operator of String filters (on 'title').")]
    [InlineData("{ done: { in: [true] } }", "'in' is not an operator of Boolean filters (on 'done').")]
    [InlineData("{ priority: { eq: \"high\" } }", "The value \"high\" of 'eq' is not a valid Int.")]
    [InlineData("{ status: { eq: DONE } }", "The value \"DONE\" of 'eq' is not a valid Status.")]
    [InlineData("{ priority: { gt: null } }", "The operator 'gt' cannot compare with null.")]
    [InlineData("{ title: null }", "The filter field 'title' cannot be null.")]
    [InlineData("{ createdBy: { eq: \"$subject.name\" } }", "Unknown variable '$subject.name'; rules may use $subject.id, $subject.roles, $subject.attributes.<name> and $now.")]
    [InlineData("{ title: { eq: \"$today\" } }", "Unknown variable '$today'; rules may use $subject.id, $subject.roles, $subject.attributes.<name> and $now.")]
    [InlineData("{ title: { eq: \"$subject.attributes.a.b\" } }", "Unknown variable '$subject.attributes.a.b'; rules may use $subject.id, $subject.roles, $subject.attributes.<name> and $now.")]
    [InlineData("{ title: { eq: \"$subject.roles\" } }", "'$subject.roles' is a list; compare with it through 'in' or 'nin', not 'eq'.")]
    [InlineData("{ title: { in: [\"$subject.roles\"] } }", "'$subject.roles' is a list itself; use it as the whole value of 'in'.")]
    [InlineData("\"everything\"", "'where' must be an object in a rule's where.")]
    public void Compile_BadWhere_FailsAtTheDirective(string where, string problem)
    {
        Fails(Model($"@allow(to: [READ], where: {where})"), 3, 23, problem);
    }

    [Theory]
    [InlineData("@allow(to: [READ], roles: [\"editor\"])", "Unknown role 'editor'; declare it with 'extend schema @role(name: \"editor\")'.")]
    [InlineData("@allow(to: [PEEK])", "Unknown action 'PEEK'; use READ, CREATE, UPDATE or DELETE.")]
    [InlineData("@allow(roles: [\"member\"])", "Directive '@allow' requires the argument 'to'.")]
    [InlineData("@allow(to: [])", "The argument 'to' of '@allow' must name at least one action.")]
    [InlineData("@allow(to: [READ], when: {})", "Directive '@allow' has no argument 'when'; its arguments are 'to', 'roles', 'where', 'fields'.")]
    [InlineData("@allow(to: [READ], fields: [\"title\", \"secret\"])", "The 'fields' of '@allow' name 'secret', which is not a field of Task.")]
    [InlineData("@allow(to: [READ], roles: [1])", "The argument 'roles' of '@allow' must be a list of names.")]
    public void Compile_BadGrant_FailsAtTheDirective(string directive, string problem)
    {
        Fails(Model(directive), 3, 23, problem);
    }

    [Fact]
    public void Compile_BadFieldLevelRule_FailsAtTheFieldDirective()
    {
        var text = Model("@allow(to: [READ])").Replace("title: String", "title: String @allow(to: [READ], where: { nope: { eq: 1 } })", StringComparison.Ordinal);

        Fails(text, 6, 17, "Unknown field 'nope' of Task in a rule's where.");
    }

    [Theory]
    [InlineData("@allow(to: [DELETE])", "A field-level '@allow' governs READ and UPDATE of the field only; CREATE and DELETE belong on the type.")]
    [InlineData("@allow(to: [READ], fields: [\"title\"])", "'fields' narrows a type-level '@allow'; a field-level '@allow' already applies to its field.")]
    public void Compile_FieldLevelRuleMisuse_Fails(string directive, string problem)
    {
        var text = Model("@allow(to: [READ])").Replace("title: String", "title: String " + directive, StringComparison.Ordinal);

        Fails(text, 6, 17, problem);
    }

    [Theory]
    [InlineData("extend schema @role(name: \"a\", inherits: [\"b\"])", 1, 15, "The role 'a' inherits the unknown role 'b'.")]
    [InlineData("extend schema @role(name: \"a\") @role(name: \"a\")", 1, 32, "The role 'a' is declared twice.")]
    [InlineData("extend schema @role(name: \"admin\")", 1, 15, "The role 'admin' is built in and cannot be declared.")]
    [InlineData("extend schema @role(name: \"anonymous\")", 1, 15, "The role 'anonymous' is built in and cannot be declared.")]
    [InlineData("extend schema @role(name: \"\")", 1, 15, "The argument 'name' of '@role' must name roles with non-empty strings.")]
    [InlineData("extend schema @role(name: \"a\", inherits: [\"b\"]) @role(name: \"b\", inherits: [\"c\"]) @role(name: \"c\", inherits: [\"a\"])", 1, 15, "The role 'a' inherits itself through a cycle.")]
    [InlineData("extend schema @role(name: \"a\", inherits: [\"a\"])", 1, 15, "The role 'a' inherits itself through a cycle.")]
    public void Compile_BadRoles_Fail(string schema, int line, int column, string problem)
    {
        Fails(Model("@allow(to: [READ])", schema), line, column, problem);
    }

    [Fact]
    public void Compile_RuleLanguageDeclarations_AreAcceptedAndNotModelTypes()
    {
        var text = "enum Action { READ CREATE UPDATE DELETE }\n"
            + "\"\"\"Grants access.\"\"\"\n"
            + "directive @allow(to: [Action!]!, roles: [String!], where: JSON, fields: [String!] = null) repeatable on OBJECT | FIELD_DEFINITION\n"
            + "directive @role(name: String!, inherits: [String!]) repeatable on | SCHEMA\n"
            + Model("@allow(to: [READ])");

        var model = ModelParser.Parse(text, RuleAssert.File);

        Assert.DoesNotContain(model.Enums, e => e.Name == "Action");
        Assert.NotNull(Compiles(text));
    }

    [Fact]
    public void Parse_OtherDirectiveDeclaration_Fails()
    {
        var error = Assert.Throws<ModelException>(() => ModelParser.Parse("directive @cache(ttl: Int) on OBJECT\ntype T @collection { a: ID }", RuleAssert.File));

        Assert.Equal(new SourceLocation(1, 12), error.Location);
        Assert.Equal("Only the rule directives '@allow' and '@role' may be declared in a model; '@cache' is not one of them.", error.Problem);
    }

    [Fact]
    public void Compile_EveryKindOfReference_Compiles()
    {
        var rules = Compiles(Model(
            "@allow(to: [READ, UPDATE], roles: [\"member\", \"anonymous\", \"admin\"], fields: [\"title\", \"project\", \"id\"], "
            + "where: { or: [{ project: { memberIds: { some: { eq: \"$subject.id\" } } } }, { tags: { some: { in: \"$subject.roles\" } } }, "
            + "{ label: { rank: { lte: \"$subject.attributes.level\" } } }, { updatedAt: { lt: \"$now\" } }, { priority: { in: [1, \"$subject.attributes.p\"] } }, "
            + "{ status: { eq: OPEN } }, { title: { or: [{ startsWith: \"a\" }, { eq: null }] } }, { createdBy: { eq: 7 } }] })"));

        Assert.True(rules.UsesNow);
        Assert.False(Compiles(Model("@allow(to: [READ])")).UsesNow);
    }
}
