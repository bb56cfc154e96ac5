using System.Text.Json;
using CollectionStore.Api.Tests.Infrastructure;

namespace CollectionStore.Api.Tests.Cluster.Infrastructure;

/// <summary>
/// Two API nodes on one SQLite file and (optionally) one Redis, with the open test model, one signing key and
/// one bootstrap admin, as an operator deploys them behind a load balancer.
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

    /// <summary>Starts both nodes on <paramref name="model"/> (default: the open test model).</summary>
    public static async Task<TwoNodes> StartAsync(string? redis, string? model = null)
    {
        var directory = Directory.CreateTempSubdirectory("collectionstore-cluster-").FullName;
        var schema = Path.Combine(directory, "schema.graphql");
        await File.WriteAllTextAsync(schema, model ?? TestModels.Open(ApiServer.ModelSdl));
        var environment = new Dictionary<string, string>
        {
            ["Schema__Path"] = schema,
            ["Auth__SigningKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            ["Auth__BootstrapAdmin__Password"] = ApiServer.AdminPassword,
            ["Bus__IdlePollInterval"] = "00:00:01",
        };
        var store = Path.Combine(directory, "store.db");

        // One after the other: the first creates the store, the second opens it.
        var a = await ClusterNode.StartAsync(directory, store, redis, environment);
        var b = await ClusterNode.StartAsync(directory, store, redis, environment);
        return new TwoNodes(directory, a, b);
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
}
