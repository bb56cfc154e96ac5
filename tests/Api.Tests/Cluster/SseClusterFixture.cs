using CollectionStore.Api.Tests.Cluster.Infrastructure;
using CollectionStore.Api.Tests.Infrastructure;

namespace CollectionStore.Api.Tests.Cluster;

/// <summary>
/// Three API nodes (A, B, C) as processes on one store file and one real <c>redis-server</c>, with the open default
/// model, one signing key (a token from any node is valid on all) and a short reservation timeout, shared by the
/// tests of single connection mode across nodes.
/// </summary>
public sealed class SseClusterFixture : IAsyncLifetime
{
    public const string AdminPassword = "cluster-admin-password";

    /// <summary>Operations one reservation may hold (queued before its stream, or running).</summary>
    public const int MaxOperations = 6;

    /// <summary>How long a reservation waits for its stream on every node.</summary>
    public static readonly TimeSpan ReservationTimeout = TimeSpan.FromSeconds(10);

    private readonly string _directory = Directory.CreateTempSubdirectory("collectionstore-sse-cluster-").FullName;
    private readonly Dictionary<string, string> _environment = [];
    private RedisServer? _redis;
    private ClusterNode? _a;
    private ClusterNode? _b;
    private ClusterNode? _c;

    public ClusterNode A => _a!;

    public ClusterNode B => _b!;

    public ClusterNode C => _c!;

    public async Task InitializeAsync()
    {
        var schemaPath = Path.Combine(_directory, "schema.graphql");
        await File.WriteAllTextAsync(schemaPath, TestModels.OpenDefault());
        _environment["Schema__Path"] = schemaPath;
        _environment["Auth__SigningKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        _environment["Auth__BootstrapAdmin__Password"] = AdminPassword;
        _environment["Subscriptions__ReservationTimeout"] = ReservationTimeout.ToString();
        _environment["Subscriptions__MaxOperationsPerConnection"] = MaxOperations.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var environment = _environment;
        _redis = await RedisServer.StartAsync();
        var store = Path.Combine(_directory, "store.db");

        // One after the other: the first node creates the store and the bootstrap admin, the others find them.
        _a = await ClusterNode.StartAsync(_directory, store, _redis.ConnectionString, environment);
        _b = await ClusterNode.StartAsync(_directory, store, _redis.ConnectionString, environment);
        _c = await ClusterNode.StartAsync(_directory, store, _redis.ConnectionString, environment);
        foreach (var node in new[] { _a, _b, _c })
        {
            await Eventually.HoldsAsync(
                () => node.Output.Any(line => line.Contains("SSE routing listens on node channel", StringComparison.Ordinal)),
                $"node {node.Port} to listen on its SSE channel");
        }
    }

    /// <summary>
    /// One more node with the same settings on a store of its own and the given Redis (e.g. a port nobody listens
    /// on); the caller disposes it.
    /// </summary>
    public Task<ClusterNode> StartLoneNodeAsync(string redis)
    {
        var directory = Directory.CreateDirectory(Path.Combine(_directory, "lone-" + Guid.NewGuid().ToString("N"))).FullName;
        return ClusterNode.StartAsync(directory, Path.Combine(directory, "store.db"), redis, _environment);
    }

    public async Task DisposeAsync()
    {
        foreach (var node in new[] { _a, _b, _c })
        {
            if (node is not null)
            {
                await node.DisposeAsync();
            }
        }

        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A node's file handle may linger for a moment; the temp directory is cleaned up by the system.
        }
    }
}
