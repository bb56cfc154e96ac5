using CollectionStore.Domain.Model;

namespace CollectionStore.Domain.Filtering;

/// <summary>
/// Translates a <see cref="FilterExpression"/> into a boolean SQL expression over a row of <c>doc_&lt;Collection&gt;</c>,
/// for SQLite or (through its dialect) PostgreSQL. It is true exactly for the documents
/// <see cref="InMemoryFilterEvaluator"/> accepts; values are always bound through the <see cref="SqlParameterBag"/>.
/// </summary>
public sealed class SqlFilterTranslator
{
    private readonly CollectionModel _model;
    private readonly ISqlDialect _dialect;

    /// <summary>A translator writing SQLite SQL.</summary>
    public SqlFilterTranslator(CollectionModel model)
        : this(model, SqliteDialect.Instance)
    {
    }

    internal SqlFilterTranslator(CollectionModel model, ISqlDialect dialect)
    {
        _model = model;
        _dialect = dialect;
    }

    /// <summary>Returns the SQL condition for rows of <paramref name="collection"/> aliased <paramref name="alias"/>.</summary>
    public string Translate(CollectionDefinition collection, FilterExpression filter, string alias, SqlParameterBag parameters)
    {
        var writer = new SqlFilterWriter(parameters, _dialect);
        return writer.Write(filter, SqlScope.ForRow(FilterScope.ForCollection(_model, collection), alias));
    }
}
