namespace CollectionStore.Api.Maintenance.StoreMigration;

/// <summary>
/// <c>migrate-store --to &lt;PostgreSQL connection string&gt;</c>: moves the configured SQLite store into an empty
/// PostgreSQL database in one transaction and prints a summary. Exit codes: 0 moved and verified; 2 refused before
/// any data was written (bad arguments, configuration, model, an unreachable or non-empty target); 1 the copy failed
/// and was rolled back, or the committed copy does not match the source.
/// </summary>
internal static class StoreMigrationCommand
{
    public const string Name = "migrate-store";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (StoreMigrationArguments.IsHelp(args))
        {
            await output.WriteLineAsync(StoreMigrationArguments.Usage);
            return 0;
        }

        try
        {
            var request = StoreMigrationRequest.Resolve(StoreMigrationArguments.Parse(args));
            await StoreMigrationReport.WriteStartAsync(output, request);
            await using var source = await SqliteSource.OpenAsync(request.SourceConnectionString, cancellationToken);
            await using var target = PostgresTarget.Create(request.TargetConnectionString);
            var result = await new StoreMigrator(source, target, request.Model).RunAsync(cancellationToken);
            await StoreMigrationReport.WriteAsync(output, result);
            return 0;
        }
        catch (StoreMigrationRefusedException ex)
        {
            await error.WriteLineAsync($"{Name}: {ex.Message}");
            return 2;
        }
        catch (StoreMigrationFailedException ex)
        {
            await error.WriteLineAsync($"{Name}: {ex.Message}");
            return 1;
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or Microsoft.Data.Sqlite.SqliteException)
        {
            await error.WriteLineAsync($"{Name}: {PostgresTarget.Describe(ex)}");
            return 1;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync($"{Name}: cancelled; an unfinished copy was rolled back.");
            return 1;
        }
    }

    /// <summary>Runs the command for <c>Program</c>: Ctrl+C cancels it (rolling back an unfinished copy).</summary>
    public static async Task<int> RunFromConsoleAsync(IReadOnlyList<string> args)
    {
        using var cancellation = new CancellationTokenSource();
        ConsoleCancelEventHandler cancel = (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };
        Console.CancelKeyPress += cancel;
        try
        {
            return await RunAsync(args, Console.Out, Console.Error, cancellation.Token);
        }
        finally
        {
            Console.CancelKeyPress -= cancel;
        }
    }
}
