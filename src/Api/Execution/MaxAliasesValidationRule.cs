using GraphQL.Validation;
using GraphQLParser.AST;

namespace CollectionStore.Api.Execution;

/// <summary>
/// Rejects documents with more aliased fields than allowed (alias overloading multiplies the work of one
/// field without raising the depth). Created per request because it counts.
/// </summary>
internal sealed class MaxAliasesValidationRule(int maxAliases) : ValidationRuleBase
{
    private int _aliases;
    private bool _reported;

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) =>
        new(new MatchingNodeVisitor<GraphQLField>(Visit));

    private void Visit(GraphQLField field, ValidationContext context)
    {
        if (field.Alias is null || _reported || ++_aliases <= maxAliases)
        {
            return;
        }

        _reported = true;
        context.ReportError(new ValidationError(
            context.Document.Source,
            null,
            $"The document has more than {maxAliases} aliases.",
            field)
        {
            Code = ErrorCodes.MaxAliasesExceeded,
        });
    }
}
