using System.Globalization;

namespace CollectionStore.Domain.Filtering;

/// <summary>
/// One translation: walks the filter tree, giving each list element and related row a fresh alias
/// (<c>e1</c>, <c>r2</c>, …) so nested subqueries never shadow each other.
/// </summary>
internal sealed class SqlFilterWriter(SqlParameterBag parameters, ISqlDialect dialect)
{
    private int _aliases;

    public string Write(FilterExpression filter, SqlScope scope) => filter switch
    {
        AndFilter and => Join(and.Operands, " AND ", dialect.True, scope),
        OrFilter or => Join(or.Operands, " OR ", dialect.False, scope),
        ComparisonFilter comparison => Comparison(comparison, scope),
        EmbeddedFilter embedded => Embedded(embedded, scope),
        ListFilter list => List(list, scope),
        ListAnyFilter any => Any(any, scope),
        RelationFilter relation => Relation(relation, scope),
        _ => throw new ArgumentException($"Unsupported filter node {filter.GetType().Name}.", nameof(filter)),
    };

    private string Join(IReadOnlyList<FilterExpression> operands, string separator, string empty, SqlScope scope) =>
        operands.Count == 0 ? empty : "(" + string.Join(separator, operands.Select(o => Write(o, scope))) + ")";

    private string Comparison(ComparisonFilter comparison, SqlScope scope)
    {
        var value = scope.Value(comparison.Field, dialect);
        return dialect.Comparison(comparison, value, scope.Type.ComparisonType(comparison.Field), parameters);
    }

    private string Embedded(EmbeddedFilter embedded, SqlScope scope)
    {
        var json = RequireJson(scope);
        var path = scope.PathOf(embedded.Field);
        var inner = new SqlScope(scope.Type.Embedded(embedded.Field), json, path, null, null);
        return $"({dialect.IsObject(json, path)} AND {Write(embedded.Inner, inner)})";
    }

    private string List(ListFilter list, SqlScope scope)
    {
        scope.Type.ListField(list.Field);
        var json = RequireJson(scope);
        var alias = NextAlias("e");
        var elementType = scope.Type.ListElement(list.Field);
        var objects = scope.Type.HasObjectElements(list.Field);
        var element = objects
            ? new SqlScope(elementType, dialect.ObjectElement(alias), [], null, null)
            : new SqlScope(elementType, null, [], null, dialect.ScalarElement(alias, elementType.ComparisonType(null)));
        var condition = Write(list.Element, element);

        // A null, missing or non-array value yields no elements, like an empty list.
        var from = dialect.ElementsQuery(json, scope.PathOf(list.Field), alias, objects);
        return list.Quantifier switch
        {
            ListQuantifier.Some => $"EXISTS ({from}{condition})",
            ListQuantifier.All => $"NOT EXISTS ({from}(({condition}) {dialect.IsNotTrue}))",
            _ => $"NOT EXISTS ({from}{condition})",
        };
    }

    private string Any(ListAnyFilter any, SqlScope scope)
    {
        scope.Type.ListField(any.Field);
        var nonEmpty = dialect.IsNonEmptyArray(RequireJson(scope), scope.PathOf(any.Field));
        return any.Any ? nonEmpty : $"({nonEmpty} {dialect.IsNotTrue})";
    }

    private string Relation(RelationFilter relation, SqlScope scope)
    {
        var (definition, target) = scope.Type.BelongsTo(relation.Relation);
        var foreignKey = scope.Value(definition.ForeignKeyField, dialect);
        var alias = NextAlias("r");
        var inner = Write(relation.Inner, SqlScope.ForRow(FilterScope.ForCollection(scope.Type.Model, target), alias));
        return $"EXISTS (SELECT 1 FROM {SqlNames.Table(target)} AS {alias} WHERE {alias}.id = {foreignKey} AND {inner})";
    }

    private string NextAlias(string prefix) => prefix + (++_aliases).ToString(CultureInfo.InvariantCulture);

    private static string RequireJson(SqlScope scope) =>
        scope.Json ?? throw new ArgumentException("A scalar list element has no fields.");
}
