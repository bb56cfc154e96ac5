using Microsoft.Data.Sqlite;
using Npgsql;

namespace CollectionStore.Api.Maintenance.StoreMigration;

/// <summary>
/// Moves the rows of one table inside the caller's transaction with binary <c>COPY … FROM STDIN</c>. The two tables a
/// node's start already filled are the source's afterwards: <c>cs_meta</c> takes the source's values (above all
/// <c>last_sequence</c>, so the next write continues the feed's numbering) and <c>cs_collections</c> the source's
/// recorded fields (so the next start backfills exactly the fields SQLite had not seen yet).
/// </summary>
internal static class TableCopier
{
    public static async Task CopyAsync(SqliteSource source, NpgsqlConnection target, TablePlan plan, CancellationToken cancellationToken)
    {
        switch (plan.Table)
        {
            case StoreTables.Meta:
                await CopyMetaAsync(source, target, plan, cancellationToken);
                return;
            case StoreTables.Collections:
                await PostgresTarget.ScalarAsync(target, $"DELETE FROM {StoreTables.Collections};", cancellationToken);
                break;
        }

        var names = plan.Columns.Select(c => c.Name).ToList();
        var copy = $"COPY {StoreTables.Quote(plan.Table)} ({string.Join(", ", names.Select(StoreTables.Quote))}) FROM STDIN (FORMAT BINARY)";
        await using var importer = await target.BeginBinaryImportAsync(copy, cancellationToken);
        await source.ReadAsync(plan.Table, names, (reader, ct) => Task.FromResult(WriteRows(importer, reader, plan.Columns, ct)), cancellationToken);
        await importer.CompleteAsync(cancellationToken);
    }

    // Synchronous on purpose: the importer buffers and only flushes now and then, and awaiting every value halved
    // the rows per second. Cancellation is still checked on every row.
    private static long WriteRows(NpgsqlBinaryImporter importer, SqliteDataReader reader, IReadOnlyList<ColumnCopy> columns, CancellationToken cancellationToken)
    {
        long rows = 0;
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            importer.StartRow();
            for (var i = 0; i < columns.Count; i++)
            {
                columns[i].Write(importer, reader, i);
            }

            rows++;
        }

        return rows;
    }

    private static async Task CopyMetaAsync(SqliteSource source, NpgsqlConnection target, TablePlan plan, CancellationToken cancellationToken) =>
        await source.ReadAsync(
            plan.Table,
            ["key", "value"],
            async (reader, ct) =>
            {
                while (await reader.ReadAsync(ct))
                {
                    await using var command = new NpgsqlCommand(
                        "INSERT INTO cs_meta (key, value) VALUES (@key, @value) ON CONFLICT (key) DO UPDATE SET value = excluded.value;",
                        target);
                    command.Parameters.AddWithValue("key", reader.GetString(0));
                    command.Parameters.AddWithValue("value", reader.GetInt64(1));
                    await command.ExecuteNonQueryAsync(ct);
                }

                return 0;
            },
            cancellationToken);
}
