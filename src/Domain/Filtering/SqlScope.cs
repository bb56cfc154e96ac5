namespace CollectionStore.Domain.Filtering;

/// <summary>
/// Where a filter node's values live in SQL: <see cref="Json"/> + <see cref="Path"/> (field names) address the JSON
/// object of the scope (a row's <c>data</c>, an embedded object, an object list element); <see cref="RowAlias"/> is
/// set for a document row (system columns); <see cref="ElementValue"/> is set for a scalar list element.
/// </summary>
internal sealed record SqlScope(FilterScope Type, string? Json, IReadOnlyList<string> Path, string? RowAlias, string? ElementValue)
{
    public static SqlScope ForRow(FilterScope type, string alias) => new(type, alias + ".data", [], alias, null);

    /// <summary>The SQL value a comparison on <paramref name="field"/> reads, typed by its declared type.</summary>
    public string Value(string? field, ISqlDialect dialect)
    {
        if (field is null)
        {
            return ElementValue ?? throw new ArgumentException("A comparison without a field needs a scalar list element.");
        }

        if (Type.IsSystemField(field))
        {
            return RowAlias + "." + SqlNames.Column(field);
        }

        return dialect.ValueAt(Json!, [.. Path, field], Type.ComparisonType(field));
    }

    /// <summary>The path of <paramref name="field"/> below <see cref="Json"/>.</summary>
    public IReadOnlyList<string> PathOf(string field) => [.. Path, field];
}
