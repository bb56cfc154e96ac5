namespace CollectionStore.Api.Maintenance.StoreMigration;

/// <summary>One table's part of a move; <see cref="TargetRows"/> is counted in the target after the commit.</summary>
internal sealed record TableCopyResult(string Table, long SourceRows, long TargetRows, TimeSpan Elapsed);
