using System.Globalization;

namespace CollectionStore.Domain.Filtering;

/// <summary>
/// One translation: walks the filter tree, giving each list element and related row a fresh alias
/// (<c>e1</c>, <c>r2</c>, …) so nested subqueries never shadow each other.
/// </summary>
internal sealed class SqlFilterWriter(SqlParameterBag parameters)
{
    private int _aliases;

    public string Write(FilterExpression filter, SqlScope scope) => filter switch
    {
        AndFilter and => Join(and.Operands, " AND ", "1", scope),
        OrFilter or => Join(or.Operands, " OR ", "0", scope),
        ComparisonFilter comparison => SqlComparison.Write(
            comparison, scope.Value(comparison.Field), scope.Type.ComparisonType(comparison.Field).TypeName, parameters),
        EmbeddedFilter embedded => Embedded(embedded, scope),
        ListFilter list => List(list, scope),
        ListAnyFilter any => Any(any, scope),
        RelationFilter relation => Relation(relation, scope),
        _ => throw new ArgumentException($"Unsupported filter node {filter.GetType().Name}.", nameof(filter)),
    };

    private string Join(IReadOnlyList<FilterExpression> operands, string separator, string empty, SqlScope scope) =>
        operands.Count == 0 ? empty : "(" + string.Join(separator, operands.Select(o => Write(o, scope))) + ")";

    private string Embedded(EmbeddedFilter embedded, SqlScope scope)
    {
        var json = RequireJson(scope);
        var path = SqlNames.JsonPath(scope.Path, embedded.Field);
        var inner = new SqlScope(scope.Type.Embedded(embedded.Field), json, path, null, null);
        return $"(json_type({json}, '{path}') = 'object' AND {Write(embedded.Inner, inner)})";
    }

    private string List(ListFilter list, SqlScope scope)
    {
        scope.Type.ListField(list.Field);
        var json = RequireJson(scope);
        var path = SqlNames.JsonPath(scope.Path, list.Field);
        var alias = NextAlias("e");
        var elementType = scope.Type.ListElement(list.Field);
        var element = scope.Type.HasObjectElements(list.Field)
            ? new SqlScope(elementType, alias + ".value", "$", null, null)
            : new SqlScope(elementType, null, "$", null, alias + ".value");
        var condition = Write(list.Element, element);

        // A null, missing or non-array value yields no elements, like an empty list.
        var from = $"SELECT 1 FROM json_each({json}, '{path}') AS {alias} WHERE json_type({json}, '{path}') = 'array' AND ";
        return list.Quantifier switch
        {
            ListQuantifier.Some => $"EXISTS ({from}{condition})",
            ListQuantifier.All => $"NOT EXISTS ({from}(({condition}) IS NOT 1))",
            _ => $"NOT EXISTS ({from}{condition})",
        };
    }

    private static string Any(ListAnyFilter any, SqlScope scope)
    {
        scope.Type.ListField(any.Field);
        var json = RequireJson(scope);
        var path = SqlNames.JsonPath(scope.Path, any.Field);
        var nonEmpty = $"(json_type({json}, '{path}') = 'array' AND json_array_length({json}, '{path}') > 0)";
        return any.Any ? nonEmpty : $"({nonEmpty} IS NOT 1)";
    }

    private string Relation(RelationFilter relation, SqlScope scope)
    {
        var (definition, target) = scope.Type.BelongsTo(relation.Relation);
        var foreignKey = scope.Value(definition.ForeignKeyField);
        var alias = NextAlias("r");
        var inner = Write(relation.Inner, SqlScope.ForRow(FilterScope.ForCollection(scope.Type.Model, target), alias));
        return $"EXISTS (SELECT 1 FROM {SqlNames.Table(target)} AS {alias} WHERE {alias}.id = {foreignKey} AND {inner})";
    }

    private string NextAlias(string prefix) => prefix + (++_aliases).ToString(CultureInfo.InvariantCulture);

    private static string RequireJson(SqlScope scope) =>
        scope.Json ?? throw new ArgumentException("A scalar list element has no fields.");
}
