using System.Text.Json;
using CollectionStore.Domain.Filtering;
using CollectionStore.Domain.Model;

namespace CollectionStore.Domain.Store.Sqlite;

/// <summary><see cref="GroupedPages"/> on SQLite: the keys are one JSON array parameter, enumerated with <c>json_each</c>.</summary>
internal sealed class SqliteGroupedQuery(SqliteDatabase database, CollectionModel model)
{
    public async Task<IReadOnlyDictionary<string, DocumentPage>> RunAsync(
        DocumentQuery query,
        string foreignKeyField,
        IReadOnlyCollection<string> keys,
        CancellationToken cancellationToken)
    {
        var pages = new GroupedPages(model, SqliteDialect.Instance, query, foreignKeyField, keys);
        if (pages.Keys.Count > 0)
        {
            var key = SqlNames.ValueExpression(pages.Plan.Collection, [foreignKeyField], DocumentPagePlan.Alias);
            var sql = pages.Sql(
                SqliteDocumentRows.Columns(DocumentPagePlan.Alias),
                SqliteDocumentRows.Table(pages.Plan.Collection),
                key,
                $"{key} IN (SELECT value FROM json_each(@cs_keys))");
            var parameters = pages.Plan.Parameters.Items.Append(("@cs_keys", (object?)JsonSerializer.Serialize(pages.Keys)));
            await using var connection = await database.OpenReaderAsync(cancellationToken);
            await using var command = database.Command(connection, sql, parameters);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await pages.ReadAsync(reader, cancellationToken);
        }

        return pages.ToPages();
    }
}
