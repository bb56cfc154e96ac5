using Npgsql;

namespace CollectionStore.Api.Maintenance.StoreMigration;

/// <summary>
/// One table to move: its columns as the source has them, each mapped to the target column of the same name, and
/// the source's row count in the snapshot being copied.
/// </summary>
internal sealed record TablePlan(string Table, IReadOnlyList<ColumnCopy> Columns, long SourceRows)
{
    /// <summary>
    /// Plans every Collection Store table of the source, in copy order. A table or column the target lacks, or a type
    /// the copy cannot write, refuses the move before any row is written. Documents tables of collections the model
    /// no longer has are created first, in the layout the document store gives its tables.
    /// </summary>
    public static async Task<IReadOnlyList<TablePlan>> BuildAsync(SqliteSource source, NpgsqlConnection target, IReadOnlyList<string> tables, CancellationToken cancellationToken)
    {
        var plans = new List<TablePlan>();
        foreach (var table in StoreTables.CopyOrder(tables))
        {
            var targetColumns = await PostgresTarget.ColumnTypesAsync(target, table, cancellationToken);
            if (targetColumns.Count == 0 && StoreTables.IsDocuments(table))
            {
                await PostgresTarget.ScalarAsync(target, StoreTables.CreateDocumentsTable(table), cancellationToken);
                targetColumns = await PostgresTarget.ColumnTypesAsync(target, table, cancellationToken);
            }

            if (targetColumns.Count == 0)
            {
                throw new StoreMigrationRefusedException(
                    $"The source has the table {table}, which the PostgreSQL schema of this version does not have; nothing was copied.");
            }

            var columns = new List<ColumnCopy>();
            foreach (var column in await source.ColumnsAsync(table, cancellationToken))
            {
                columns.Add(MapColumn(table, column, targetColumns));
            }

            plans.Add(new TablePlan(table, columns, await source.CountAsync(table, cancellationToken)));
        }

        return plans;
    }

    private static ColumnCopy MapColumn(string table, string column, IReadOnlyDictionary<string, string> targetColumns)
    {
        if (!targetColumns.TryGetValue(column, out var type))
        {
            throw new StoreMigrationRefusedException(
                $"The source column {table}.{column} has no counterpart in the PostgreSQL schema of this version; nothing was copied.");
        }

        return ColumnCopy.For(column, type)
            ?? throw new StoreMigrationRefusedException(
                $"The target column {table}.{column} has the type {type}, which migrate-store does not copy; nothing was copied.");
    }
}
