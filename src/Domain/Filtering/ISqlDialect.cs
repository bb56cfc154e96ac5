using CollectionStore.Domain.Model;

namespace CollectionStore.Domain.Filtering;

/// <summary>
/// What differs between the SQL engines the store runs on, for the statements <see cref="SqlFilterTranslator"/>,
/// <see cref="SqlSort"/> and the store's page plan write: boolean constants, how a JSON value is read and typed, how
/// the elements of a JSON list are enumerated, and how a value is compared with a bound operand. The filter tree,
/// the keyset logic and the paging are written once on top of it, so both engines select the same rows in the same
/// order as <see cref="InMemoryFilterEvaluator"/> and <see cref="DocumentSortComparer"/>.
/// </summary>
internal interface ISqlDialect
{
    /// <summary>The constant true condition.</summary>
    string True { get; }

    /// <summary>The constant false condition.</summary>
    string False { get; }

    /// <summary>The postfix test that holds for false and NULL alike (<c>IS NOT 1</c>, <c>IS NOT TRUE</c>).</summary>
    string IsNotTrue { get; }

    /// <summary>
    /// The value at <paramref name="path"/> (field names, through embedded objects) below the JSON object
    /// <paramref name="json"/>, as the engine compares a value of the declared <paramref name="type"/>.
    /// </summary>
    string ValueAt(string json, IReadOnlyList<string> path, FieldType type);

    /// <summary>True when the JSON value at <paramref name="path"/> is an object.</summary>
    string IsObject(string json, IReadOnlyList<string> path);

    /// <summary>True when the JSON value at <paramref name="path"/> is an array with at least one element.</summary>
    string IsNonEmptyArray(string json, IReadOnlyList<string> path);

    /// <summary>
    /// The start of a subquery over the elements of the list at <paramref name="path"/>, aliased
    /// <paramref name="alias"/>, ending where the element condition follows; a null, missing or non-array value has
    /// no elements.
    /// </summary>
    string ElementsQuery(string json, IReadOnlyList<string> path, string alias, bool objectElements);

    /// <summary>The JSON object of an object list element aliased <paramref name="alias"/>.</summary>
    string ObjectElement(string alias);

    /// <summary>The value of a scalar list element aliased <paramref name="alias"/>, typed by its declared type.</summary>
    string ScalarElement(string alias, FieldType type);

    /// <summary>One comparison of the value <paramref name="value"/> of the declared <paramref name="type"/>.</summary>
    string Comparison(ComparisonFilter comparison, string value, FieldType type, SqlParameterBag parameters);

    /// <summary>
    /// <c>key symbol operand</c> for a sort key of the declared <paramref name="type"/>, where
    /// <paramref name="operand"/> is a non-null cursor value as <see cref="SqliteValues.FromJson"/> maps it.
    /// </summary>
    string Compare(string key, string symbol, object operand, FieldType type, SqlParameterBag parameters);

    /// <summary>One ORDER BY term: NULLs first ascending and last descending, as SQLite orders them.</summary>
    string OrderTerm(string key, bool nullable, bool descending);
}
