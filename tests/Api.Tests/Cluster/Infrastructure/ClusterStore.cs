namespace CollectionStore.Api.Tests.Cluster.Infrastructure;

/// <summary>
/// Where the nodes of a test deployment keep their documents, change feed and identity tables: one SQLite file they
/// share (nodes on one host, one working directory), or one PostgreSQL database (nodes as on hosts of their own: each
/// runs in a directory of its own and nothing is shared on disk).
/// </summary>
public sealed class ClusterStore
{
    private ClusterStore(string description, bool sharesFiles, IReadOnlyDictionary<string, string> settings)
    {
        Description = description;
        SharesFiles = sharesFiles;
        Settings = settings;
    }

    /// <summary>What the store is, for messages.</summary>
    public string Description { get; }

    /// <summary>True when the nodes share a file and so run in one directory.</summary>
    public bool SharesFiles { get; }

    /// <summary>The environment variables that point a node at this store.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; }

    public static ClusterStore SqliteFile(string path) =>
        new($"SQLite file {path}", sharesFiles: true, new Dictionary<string, string>
        {
            ["Store__Provider"] = "Sqlite",
            ["ConnectionStrings__Store"] = $"Data Source={path}",
        });

    public static ClusterStore PostgreSql(string connectionString) =>
        new("PostgreSQL database", sharesFiles: false, new Dictionary<string, string>
        {
            ["Store__Provider"] = "PostgreSql",
            ["ConnectionStrings__Store"] = connectionString,
        });
}
