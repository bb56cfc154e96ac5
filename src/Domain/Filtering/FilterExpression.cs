using System.Text.Json.Nodes;

namespace CollectionStore.Domain.Filtering;

/// <summary>
/// The filter AST: one model of a <c>where</c> argument (and later of an <c>@allow</c> rule's
/// <c>where</c>), with two evaluators that must agree: <c>SqlFilterTranslator</c> and
/// <c>InMemoryFilterEvaluator</c>. Every node is evaluated against a scope: the document, an
/// embedded object, a list element, or a related document.
/// </summary>
public abstract record FilterExpression;

/// <summary>True when every operand is true; an empty list is true.</summary>
public sealed record AndFilter(IReadOnlyList<FilterExpression> Operands) : FilterExpression;

/// <summary>True when any operand is true; an empty list is false.</summary>
public sealed record OrFilter(IReadOnlyList<FilterExpression> Operands) : FilterExpression;

/// <summary>
/// Compares a value of the scope with <see cref="Value"/>. <see cref="Field"/> names a field (a system
/// field or a stored scalar/enum field) of the scope; null means the scope itself (a scalar list element).
/// <see cref="Value"/> is a JSON scalar, or a JSON array for <c>in</c>/<c>nin</c>; DateTime values are
/// already normalized to <see cref="Documents.DateTimeFormat"/>.
/// </summary>
public sealed record ComparisonFilter(string? Field, ComparisonOperator Operator, JsonNode? Value) : FilterExpression;

/// <summary>Applies <see cref="Inner"/> to the embedded object in <see cref="Field"/>; false when it is null.</summary>
public sealed record EmbeddedFilter(string Field, FilterExpression Inner) : FilterExpression;

/// <summary>
/// A quantified condition on the list in <see cref="Field"/>: <c>some</c>, <c>all</c> or <c>none</c> of its
/// elements satisfy <see cref="Element"/>. A null or missing list behaves as an empty one.
/// </summary>
public sealed record ListFilter(string Field, ListQuantifier Quantifier, FilterExpression Element) : FilterExpression;

/// <summary><c>any: true</c> holds for a non-empty list, <c>any: false</c> for an empty, null or missing one.</summary>
public sealed record ListAnyFilter(string Field, bool Any) : FilterExpression;

/// <summary>
/// Applies <see cref="Inner"/> to the document a <c>@belongsTo</c> relation named <see cref="Relation"/>
/// points at; false when the foreign key is null or the document does not exist.
/// </summary>
public sealed record RelationFilter(string Relation, FilterExpression Inner) : FilterExpression;

/// <summary>The operators of HotChocolate.Data's operation filter inputs. Every <c>N…</c> operator is the negation of its positive.</summary>
public enum ComparisonOperator
{
    Eq,
    Neq,
    In,
    Nin,
    Contains,
    NContains,
    StartsWith,
    NStartsWith,
    EndsWith,
    NEndsWith,
    Gt,
    Ngt,
    Gte,
    Ngte,
    Lt,
    Nlt,
    Lte,
    Nlte,
}

/// <summary>How a <see cref="ListFilter"/> quantifies over the elements.</summary>
public enum ListQuantifier
{
    Some,
    All,
    None,
}
