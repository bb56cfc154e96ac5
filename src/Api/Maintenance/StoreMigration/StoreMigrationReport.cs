using System.Globalization;

namespace CollectionStore.Api.Maintenance.StoreMigration;

/// <summary>The summary <c>migrate-store</c> prints: one line per table with its rows on both sides and its copy time.</summary>
internal static class StoreMigrationReport
{
    public static async Task WriteStartAsync(TextWriter output, StoreMigrationRequest request) =>
        await output.WriteLineAsync(
            $"migrate-store: {request.SourcePath} (SQLite) -> {request.TargetDisplay} (PostgreSQL), model {request.SchemaPath}");

    public static async Task WriteAsync(TextWriter output, StoreMigrationResult result)
    {
        var width = Math.Max("table".Length, result.Tables.Select(t => t.Table.Length).DefaultIfEmpty(0).Max());
        await output.WriteLineAsync($"  {"table".PadRight(width)}  {"source",10}  {"target",10}  {"time",9}");
        foreach (var table in result.Tables)
        {
            await output.WriteLineAsync(
                $"  {table.Table.PadRight(width)}  {Count(table.SourceRows),10}  {Count(table.TargetRows),10}  {Seconds(table.Elapsed),9}");
        }

        foreach (var skipped in result.SkippedTables)
        {
            await output.WriteLineAsync($"  {skipped.PadRight(width)}  not copied: not a Collection Store table");
        }

        var rate = result.CopyTime > TimeSpan.Zero ? result.TotalRows / result.CopyTime.TotalSeconds : 0;
        await output.WriteLineAsync(
            $"Copied {Count(result.TotalRows)} rows of {result.Tables.Count} tables in one transaction in {Seconds(result.CopyTime)} "
            + $"({Count((long)rate)} rows/s); row counts verified; the change feed continues after sequence {result.LastSequence}.");
        await output.WriteLineAsync($"Total time {Seconds(result.TotalTime)}.");
    }

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Seconds(TimeSpan elapsed) => elapsed.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture) + " s";
}
