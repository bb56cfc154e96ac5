using CollectionStore.Domain.Filtering;
using CollectionStore.Domain.Model;

namespace CollectionStore.Domain.Store.Postgres;

/// <summary><see cref="GroupedPages"/> on PostgreSQL: the keys are one <c>text[]</c> parameter, matched with <c>= ANY</c>.</summary>
internal sealed class PostgresGroupedQuery(PostgresDatabase database, CollectionModel model)
{
    public async Task<IReadOnlyDictionary<string, DocumentPage>> RunAsync(
        DocumentQuery query,
        string foreignKeyField,
        IReadOnlyCollection<string> keys,
        CancellationToken cancellationToken)
    {
        var pages = new GroupedPages(model, PostgresDialect.Instance, query, foreignKeyField, keys);
        if (pages.Keys.Count > 0)
        {
            var key = PostgresFieldExpressions.Field(DocumentPagePlan.Alias, pages.ForeignKey);
            var sql = pages.Sql(
                PostgresDocumentRows.Columns(DocumentPagePlan.Alias),
                PostgresDocumentRows.Table(pages.Plan.Collection),
                key,
                $"{key} = ANY(@cs_keys)");
            var parameters = pages.Plan.Parameters.Items.Append(("@cs_keys", (object?)pages.Keys.ToArray()));
            await database.ReadAsync(
                async (connection, ct) =>
                {
                    await using var command = database.Command(connection, sql, parameters);
                    await using var reader = await command.ExecuteReaderAsync(ct);
                    await pages.ReadAsync(reader, ct);
                    return true;
                },
                cancellationToken);
        }

        return pages.ToPages();
    }
}
