using CollectionStore.Domain.Model;

namespace CollectionStore.Domain.Filtering;

/// <summary>
/// SQLite's side of <see cref="ISqlDialect"/>: <c>json_extract</c>/<c>json_each</c> over the JSON text of
/// <c>data</c>, values compared by SQLite's own cross-type order (which <see cref="SqliteValues"/> mirrors).
/// </summary>
internal sealed class SqliteDialect : ISqlDialect
{
    public static SqliteDialect Instance { get; } = new();

    public string True => "1";

    public string False => "0";

    public string IsNotTrue => "IS NOT 1";

    public string ValueAt(string json, IReadOnlyList<string> path, FieldType type) => $"json_extract({json}, '{SqlNames.JsonPath(path)}')";

    public string IsObject(string json, IReadOnlyList<string> path) => $"json_type({json}, '{SqlNames.JsonPath(path)}') = 'object'";

    public string IsNonEmptyArray(string json, IReadOnlyList<string> path)
    {
        var at = SqlNames.JsonPath(path);
        return $"(json_type({json}, '{at}') = 'array' AND json_array_length({json}, '{at}') > 0)";
    }

    public string ElementsQuery(string json, IReadOnlyList<string> path, string alias, bool objectElements)
    {
        var at = SqlNames.JsonPath(path);
        return $"SELECT 1 FROM json_each({json}, '{at}') AS {alias} WHERE json_type({json}, '{at}') = 'array' AND ";
    }

    public string ObjectElement(string alias) => alias + ".value";

    public string ScalarElement(string alias, FieldType type) => alias + ".value";

    public string Comparison(ComparisonFilter comparison, string value, FieldType type, SqlParameterBag parameters) =>
        SqliteComparison.Write(comparison, value, type.TypeName, parameters);

    public string Compare(string key, string symbol, object operand, FieldType type, SqlParameterBag parameters) =>
        $"{key} {symbol} {parameters.Add(operand)}";

    // SQLite sorts NULL first ascending and last descending by itself.
    public string OrderTerm(string key, bool nullable, bool descending) => key + (descending ? " DESC" : " ASC");
}
