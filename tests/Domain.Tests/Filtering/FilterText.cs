using CollectionStore.Domain.Filtering;

namespace CollectionStore.Domain.Tests.Filtering;

/// <summary>A readable one-line form of a filter tree for failure messages.</summary>
internal static class FilterText
{
    public static string Describe(FilterExpression filter) => filter switch
    {
        AndFilter and => "and[" + string.Join(", ", and.Operands.Select(Describe)) + "]",
        OrFilter or => "or[" + string.Join(", ", or.Operands.Select(Describe)) + "]",
        ComparisonFilter c => $"{c.Field ?? "(element)"} {c.Operator} {c.Value?.ToJsonString() ?? "null"}",
        EmbeddedFilter e => $"{e.Field}{{{Describe(e.Inner)}}}",
        ListFilter l => $"{l.Field}.{l.Quantifier}({Describe(l.Element)})",
        ListAnyFilter a => $"{a.Field}.any({a.Any})",
        RelationFilter r => $"{r.Relation}->{{{Describe(r.Inner)}}}",
        _ => filter.ToString(),
    };
}
