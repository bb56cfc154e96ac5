using System.Text.Json;
using CollectionStore.Api.Tests.Infrastructure;

namespace CollectionStore.Api.Tests.Cluster.Infrastructure;

/// <summary>
/// Two API nodes on one store (<see cref="ClusterStore"/>; by default one SQLite file) and (optionally) one Redis, with
/// the open test model, one signing key and one bootstrap admin, as an operator deploys them behind a load balancer.
/// </summary>
public sealed class TwoNodes : IAsyncDisposable
{
    public const string NoteChanged = "subscription { noteChanged { sequence } }";

    private readonly string _directory;

    private TwoNodes(string directory, ClusterNode a, ClusterNode b)
    {
        _directory = directory;
        A = a;
        B = b;
    }

    public ClusterNode A { get; }

    public ClusterNode B { get; }

    /// <summary>Starts both nodes on one SQLite file and <paramref name="model"/> (default: the open test model).</summary>
    public static Task<TwoNodes> StartAsync(string? redis, string? model = null) => StartAsync(redis, store: null, model);

    /// <summary>
    /// Starts both nodes on <paramref name="store"/> (null: a SQLite file both share) and <paramref name="model"/>.
    /// By default one after the other, so the first creates the store and the second opens it;
    /// <paramref name="together"/> starts both processes at the same moment.
    /// </summary>
    public static async Task<TwoNodes> StartAsync(string? redis, ClusterStore? store, string? model = null, bool together = false)
    {
        var directory = Directory.CreateTempSubdirectory("collectionstore-cluster-").FullName;
        store ??= ClusterStore.SqliteFile(Path.Combine(directory, "store.db"));
        var shared = new Dictionary<string, string>
        {
            ["Auth__SigningKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            ["Auth__BootstrapAdmin__Password"] = ApiServer.AdminPassword,
            ["Bus__IdlePollInterval"] = "00:00:01",
        };
        var a = await PrepareAsync(directory, "a", store, model);
        var b = await PrepareAsync(directory, "b", store, model);
        Task<ClusterNode> Start((string Directory, string Schema) node) =>
            ClusterNode.StartAsync(node.Directory, store, redis, new Dictionary<string, string>(shared) { ["Schema__Path"] = node.Schema });

        var starts = new List<Task<ClusterNode>> { Start(a) };
        try
        {
            if (!together)
            {
                await starts[0];
            }

            starts.Add(Start(b));
            await Task.WhenAll(starts);
            return new TwoNodes(directory, starts[0].Result, starts[1].Result);
        }
        catch
        {
            await Task.WhenAll(starts.Cast<Task>()).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            foreach (var started in starts.Where(s => s.IsCompletedSuccessfully))
            {
                await started.Result.DisposeAsync();
            }

            throw;
        }
    }

    /// <summary>Creates a note through <paramref name="node"/> and fails on any GraphQL error.</summary>
    public static async Task CreateNoteAsync(ClusterNode node, string text)
    {
        var response = await GraphQLHttp.PostJsonAsync(node.Client, new { query = "mutation($t: String!) { createNote(input: { text: $t }) { id } }", variables = new { t = text } });
        Assert.True(response.Json.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object, response.Text);
    }

    /// <summary>Logs in as the bootstrap admin through <paramref name="node"/>; returns the access token.</summary>
    public static Task<string> LoginAdminAsync(ClusterNode node) => LoginAsync(node, "admin", ApiServer.AdminPassword);

    /// <summary>Logs in as <paramref name="username"/> through <paramref name="node"/>; returns the access token.</summary>
    public static async Task<string> LoginAsync(ClusterNode node, string username, string password)
    {
        var response = await GraphQLHttp.PostJsonAsync(node.Client, new
        {
            query = "mutation($u: String!, $p: String!) { login(input: { username: $u, password: $p }) { accessToken } }",
            variables = new { u = username, p = password },
        });
        return response.Json.GetProperty("data").GetProperty("login").GetProperty("accessToken").GetString()!;
    }

    public async ValueTask DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by the OS must not fail the run; the temp folder is cleaned later.
        }
    }

    /// <summary>
    /// The working directory of node <paramref name="name"/> with its model file: the deployment's own directory when
    /// the nodes share a store file (one host), otherwise a directory of its own (a host of its own).
    /// </summary>
    private static async Task<(string Directory, string Schema)> PrepareAsync(string root, string name, ClusterStore store, string? model)
    {
        var directory = store.SharesFiles ? root : Directory.CreateDirectory(Path.Combine(root, name)).FullName;
        var schema = Path.Combine(directory, "schema.graphql");
        await File.WriteAllTextAsync(schema, model ?? TestModels.Open(ApiServer.ModelSdl));
        return (directory, schema);
    }
}
