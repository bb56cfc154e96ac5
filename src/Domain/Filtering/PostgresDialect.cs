using CollectionStore.Domain.Model;

namespace CollectionStore.Domain.Filtering;

/// <summary>
/// PostgreSQL's side of <see cref="ISqlDialect"/>: jsonb operators over <c>data</c>, values typed by the model as
/// <see cref="PostgresFieldExpressions"/> types them (the same expression the store's indexes are built on for
/// top-level fields), operands bound in that type, and explicit <c>NULLS FIRST</c>/<c>NULLS LAST</c> so NULLs sort as
/// in SQLite.
/// </summary>
internal sealed class PostgresDialect : ISqlDialect
{
    public static PostgresDialect Instance { get; } = new();

    public string True => "TRUE";

    public string False => "FALSE";

    public string IsNotTrue => "IS NOT TRUE";

    public string ValueAt(string json, IReadOnlyList<string> path, FieldType type) => PostgresFieldExpressions.Value(json, path, type);

    public string IsObject(string json, IReadOnlyList<string> path) =>
        $"jsonb_typeof({PostgresFieldExpressions.Json(json, path)}) = 'object'";

    // CASE, not AND: PostgreSQL may evaluate AND's operands in any order, and jsonb_array_length fails on a non-array.
    public string IsNonEmptyArray(string json, IReadOnlyList<string> path)
    {
        var list = PostgresFieldExpressions.Json(json, path);
        return $"(CASE WHEN jsonb_typeof({list}) = 'array' THEN jsonb_array_length({list}) > 0 ELSE FALSE END)";
    }

    // A non-array becomes NULL before it reaches jsonb_array_elements (which fails on one): NULL yields no rows.
    public string ElementsQuery(string json, IReadOnlyList<string> path, string alias, bool objectElements)
    {
        var list = PostgresFieldExpressions.Json(json, path);
        var elements = objectElements ? "jsonb_array_elements" : "jsonb_array_elements_text";
        return $"SELECT 1 FROM {elements}(CASE WHEN jsonb_typeof({list}) = 'array' THEN {list} END) AS {alias}(value) WHERE ";
    }

    public string ObjectElement(string alias) => alias + ".value";

    public string ScalarElement(string alias, FieldType type) => PostgresFieldExpressions.Typed(alias + ".value", type);

    public string Comparison(ComparisonFilter comparison, string value, FieldType type, SqlParameterBag parameters) =>
        PostgresComparison.Write(comparison, value, type, parameters);

    public string Compare(string key, string symbol, object operand, FieldType type, SqlParameterBag parameters) =>
        PostgresOperands.Compare(key, symbol, operand, type, parameters);

    // PostgreSQL's default puts NULLs last ascending; the system columns are NOT NULL and keep the plain form, which
    // their indexes (the primary key on id) serve.
    public string OrderTerm(string key, bool nullable, bool descending) => (nullable, descending) switch
    {
        (false, false) => key + " ASC",
        (false, true) => key + " DESC",
        (true, false) => key + " ASC NULLS FIRST",
        _ => key + " DESC NULLS LAST",
    };
}
