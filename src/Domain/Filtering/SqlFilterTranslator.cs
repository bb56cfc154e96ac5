using CollectionStore.Domain.Model;

namespace CollectionStore.Domain.Filtering;

/// <summary>
/// Translates a <see cref="FilterExpression"/> into a SQLite boolean expression over a row of
/// <c>doc_&lt;Collection&gt;</c>. It is true exactly for the documents <see cref="InMemoryFilterEvaluator"/> accepts;
/// values are always bound through the <see cref="SqlParameterBag"/>.
/// </summary>
public sealed class SqlFilterTranslator(CollectionModel model)
{
    /// <summary>Returns the SQL condition for rows of <paramref name="collection"/> aliased <paramref name="alias"/>.</summary>
    public string Translate(CollectionDefinition collection, FilterExpression filter, string alias, SqlParameterBag parameters)
    {
        var writer = new SqlFilterWriter(parameters);
        return writer.Write(filter, SqlScope.ForRow(FilterScope.ForCollection(model, collection), alias));
    }
}
