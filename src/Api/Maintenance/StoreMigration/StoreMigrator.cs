using System.Diagnostics;
using CollectionStore.Domain.Model;
using CollectionStore.Domain.Store.Postgres;
using Npgsql;

namespace CollectionStore.Api.Maintenance.StoreMigration;

/// <summary>
/// Moves a SQLite store into an empty PostgreSQL database: refuses a target in use, creates the schema as a node
/// does, copies every Collection Store table in one transaction (all or nothing) and verifies each table's row count
/// after the commit. Rows keep their ids, versions, timestamps, subjects, change-feed sequences and audit hashes.
/// </summary>
internal sealed class StoreMigrator(SqliteSource source, PostgresTarget target, CollectionModel model)
{
    public async Task<StoreMigrationResult> RunAsync(CancellationToken cancellationToken)
    {
        var total = Stopwatch.StartNew();
        await using (var check = await target.OpenAsync(cancellationToken))
        {
            await PostgresTarget.RefuseIfInUseAsync(check, cancellationToken);
        }

        await target.CreateSchemaAsync(model, cancellationToken);
        await using var connection = await target.OpenAsync(cancellationToken);
        var tables = await source.TablesAsync(cancellationToken);
        var plans = await TablePlan.BuildAsync(source, connection, tables, cancellationToken);
        var lastSequence = await source.LastSequenceAsync(cancellationToken);
        var copy = Stopwatch.StartNew();
        var elapsed = await CopyAllAsync(connection, plans, cancellationToken);
        copy.Stop();
        var results = await VerifyAsync(connection, plans, elapsed, lastSequence, cancellationToken);
        var skipped = tables.Where(t => !StoreTables.IsStoreTable(t)).ToList();
        return new StoreMigrationResult(results, skipped, lastSequence, copy.Elapsed, total.Elapsed);
    }

    private async Task<IReadOnlyList<TimeSpan>> CopyAllAsync(NpgsqlConnection connection, IReadOnlyList<TablePlan> plans, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // Nodes that start or write meanwhile wait for the commit; then the target is checked again under the locks.
        var tables = string.Join(", ", plans.Select(p => StoreTables.Quote(p.Table)));
        await PostgresTarget.ScalarAsync(
            connection,
            $"SET LOCAL lock_timeout = '30s'; SELECT pg_advisory_xact_lock({PostgresLocks.Migration}); SELECT pg_advisory_xact_lock({PostgresLocks.IdentityWrite}); "
            + $"LOCK TABLE {tables} IN EXCLUSIVE MODE;",
            cancellationToken);
        await PostgresTarget.RefuseIfInUseAsync(connection, cancellationToken);
        var elapsed = new List<TimeSpan>();
        foreach (var plan in plans)
        {
            var watch = Stopwatch.StartNew();
            try
            {
                await TableCopier.CopyAsync(source, connection, plan, cancellationToken);
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidCastException or FormatException)
            {
                throw new StoreMigrationFailedException(
                    $"Copying {plan.Table} failed, so nothing was copied (the transaction was rolled back): {PostgresTarget.Describe(ex)}", ex);
            }

            elapsed.Add(watch.Elapsed);
        }

        await transaction.CommitAsync(cancellationToken);
        return elapsed;
    }

    private static async Task<IReadOnlyList<TableCopyResult>> VerifyAsync(
        NpgsqlConnection connection,
        IReadOnlyList<TablePlan> plans,
        IReadOnlyList<TimeSpan> elapsed,
        long lastSequence,
        CancellationToken cancellationToken)
    {
        var results = new List<TableCopyResult>();
        for (var i = 0; i < plans.Count; i++)
        {
            var rows = await PostgresTarget.CountAsync(connection, plans[i].Table, cancellationToken);
            results.Add(new TableCopyResult(plans[i].Table, plans[i].SourceRows, rows, elapsed[i]));
        }

        var mismatches = results.Where(r => r.SourceRows != r.TargetRows).Select(r => $"{r.Table}: {r.SourceRows} in the source, {r.TargetRows} in the target").ToList();
        var targetSequence = await PostgresTarget.ScalarAsync(
            connection, $"SELECT value FROM {StoreTables.Meta} WHERE key = '{StoreTables.LastSequenceKey}';", cancellationToken) as long?;
        if (targetSequence != lastSequence)
        {
            mismatches.Add($"{StoreTables.Meta}.{StoreTables.LastSequenceKey}: {lastSequence} in the source, {targetSequence} in the target");
        }

        return mismatches.Count == 0
            ? results
            : throw new StoreMigrationFailedException($"The copy was committed but does not match the source: {string.Join("; ", mismatches)}.");
    }
}
