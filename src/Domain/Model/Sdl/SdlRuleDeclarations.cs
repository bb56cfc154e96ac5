namespace CollectionStore.Domain.Model.Sdl;

/// <summary>
/// The declarations of the authorization rule language a model may spell out for editors and tools:
/// <c>enum Action { READ CREATE UPDATE DELETE }</c>, <c>directive @allow(…)</c> and <c>directive @role(…)</c>.
/// They are built in, so they are checked for syntax and dropped; no other directive may be declared.
/// </summary>
internal static class SdlRuleDeclarations
{
    private static readonly HashSet<string> DeclarableDirectives = new(StringComparer.Ordinal) { "allow", "role" };

    private static readonly HashSet<string> ActionValues = new(StringComparer.Ordinal) { "READ", "CREATE", "UPDATE", "DELETE" };

    /// <summary>True for the rule language's own <c>Action</c> enum, which is not a model enum.</summary>
    public static bool IsActionEnum(SdlEnumType type) =>
        string.Equals(type.Name, "Action", StringComparison.Ordinal)
        && type.Directives.Count == 0
        && type.Values.Count == ActionValues.Count
        && type.Values.All(v => ActionValues.Contains(v.Name) && v.Directives.Count == 0);

    /// <summary>Parses a directive definition after the <c>directive</c> keyword and discards it.</summary>
    public static void SkipDirectiveDefinition(SdlTokenCursor cursor)
    {
        cursor.Expect(SdlTokenKind.At, "'@'");
        var name = cursor.Expect(SdlTokenKind.Name, "a directive name");
        if (!DeclarableDirectives.Contains(name.Text))
        {
            throw cursor.Error(name.Location, $"Only the rule directives '@allow' and '@role' may be declared in a model; '@{name.Text}' is not one of them.");
        }

        if (cursor.Skip(SdlTokenKind.LeftParen))
        {
            do
            {
                SkipArgumentDefinition(cursor);
            }
            while (!cursor.Skip(SdlTokenKind.RightParen));
        }

        if (cursor.IsName("repeatable"))
        {
            cursor.Advance();
        }

        if (!cursor.IsName("on"))
        {
            throw cursor.Unexpected("'on'");
        }

        cursor.Advance();
        cursor.Skip(SdlTokenKind.Pipe);
        do
        {
            cursor.Expect(SdlTokenKind.Name, "a directive location");
        }
        while (cursor.Skip(SdlTokenKind.Pipe));
    }

    private static void SkipArgumentDefinition(SdlTokenCursor cursor)
    {
        if (cursor.Is(SdlTokenKind.String) || cursor.Is(SdlTokenKind.BlockString))
        {
            cursor.Advance();
        }

        cursor.Expect(SdlTokenKind.Name, "an argument name");
        cursor.Expect(SdlTokenKind.Colon, "':'");
        var list = cursor.Skip(SdlTokenKind.LeftBracket);
        cursor.Expect(SdlTokenKind.Name, "a type");
        cursor.Skip(SdlTokenKind.Bang);
        if (list)
        {
            cursor.Expect(SdlTokenKind.RightBracket, "']'");
            cursor.Skip(SdlTokenKind.Bang);
        }

        if (cursor.Skip(SdlTokenKind.Equals))
        {
            SdlValueParser.Parse(cursor, new HashSet<System.Text.Json.Nodes.JsonNode>(ReferenceEqualityComparer.Instance));
        }
    }
}
