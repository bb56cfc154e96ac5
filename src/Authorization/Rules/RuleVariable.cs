using System.Text.Json;
using System.Text.Json.Nodes;

namespace CollectionStore.Authorization.Rules;

/// <summary>
/// A variable a rule's <c>where</c> may use as a value: <c>$subject.id</c>, <c>$subject.roles</c> (the expanded
/// role list), <c>$subject.attributes.&lt;name&gt;</c> and <c>$now</c>. Any string value starting with <c>$</c>
/// is a variable reference, so an unknown one is a model error rather than a silent literal.
/// </summary>
internal sealed record RuleVariable(RuleVariableKind Kind, string? Attribute)
{
    private const string AttributePrefix = "$subject.attributes.";

    /// <summary>The variable text when <paramref name="node"/> is a string starting with <c>$</c>, else null.</summary>
    public static string? Reference(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.GetValue<string>() is ['$', ..] text
            ? text
            : null;

    /// <summary>The variable named by <paramref name="text"/>, or null when there is no such variable.</summary>
    public static RuleVariable? Parse(string text)
    {
        switch (text)
        {
            case "$subject.id":
                return new RuleVariable(RuleVariableKind.SubjectId, null);
            case "$subject.roles":
                return new RuleVariable(RuleVariableKind.SubjectRoles, null);
            case "$now":
                return new RuleVariable(RuleVariableKind.Now, null);
        }

        if (text.StartsWith(AttributePrefix, StringComparison.Ordinal))
        {
            var name = text[AttributePrefix.Length..];
            var valid = name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_')
                && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
            return valid ? new RuleVariable(RuleVariableKind.SubjectAttribute, name) : null;
        }

        return null;
    }
}

/// <summary>Which value a <see cref="RuleVariable"/> stands for.</summary>
internal enum RuleVariableKind
{
    SubjectId,
    SubjectRoles,
    SubjectAttribute,
    Now,
}
