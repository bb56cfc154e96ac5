namespace CollectionStore.Api.Maintenance.StoreMigration;

/// <summary>
/// The command line after <c>migrate-store</c>: the target <c>--to &lt;connection string&gt;</c> (or <c>--to=…</c>)
/// and everything else, which is configuration for the source exactly as the server reads it
/// (<c>--ConnectionStrings:Store=…</c>, <c>--Schema:Path=…</c>, <c>--environment …</c>).
/// </summary>
internal sealed record StoreMigrationArguments(string Target, string[] ConfigurationArgs)
{
    public const string Usage =
        "Usage: migrate-store --to \"Host=…;Username=…;Password=…;Database=…\" "
        + "[--ConnectionStrings:Store=\"Data Source=<file>\"] [--Schema:Path=<model file>]";

    private const string ToOption = "--to";

    /// <summary>True when the arguments ask for the usage text.</summary>
    public static bool IsHelp(IReadOnlyList<string> args) => args.Any(a => a is "--help" or "-h" or "-?");

    public static StoreMigrationArguments Parse(IReadOnlyList<string> args)
    {
        string? target = null;
        var rest = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == ToOption)
            {
                target = i + 1 < args.Count ? args[++i] : throw new StoreMigrationRefusedException($"{ToOption} needs a value. {Usage}");
            }
            else if (arg.StartsWith(ToOption + "=", StringComparison.Ordinal))
            {
                target = arg[(ToOption.Length + 1)..];
            }
            else
            {
                rest.Add(arg);
            }
        }

        if (string.IsNullOrWhiteSpace(target))
        {
            throw new StoreMigrationRefusedException($"The target is missing: {ToOption} <PostgreSQL connection string>. {Usage}");
        }

        return new StoreMigrationArguments(target, [.. rest]);
    }
}
