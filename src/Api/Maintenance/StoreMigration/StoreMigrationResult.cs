namespace CollectionStore.Api.Maintenance.StoreMigration;

/// <summary>What one move did: each table with its row counts on both sides and its copy time, and the total.</summary>
internal sealed record StoreMigrationResult(
    IReadOnlyList<TableCopyResult> Tables,
    IReadOnlyList<string> SkippedTables,
    long LastSequence,
    TimeSpan CopyTime,
    TimeSpan TotalTime)
{
    public long TotalRows => Tables.Sum(t => t.TargetRows);
}
