using System.Text.Json;
using System.Text.Json.Nodes;
using CollectionStore.Api.Tests.Infrastructure;
using CollectionStore.Authorization.Audit;
using CollectionStore.Authorization.Identity;
using CollectionStore.Domain.Store;
using Microsoft.Extensions.DependencyInjection;

namespace CollectionStore.Api.Tests.AccessControl.Queries;

/// <summary>
/// A server with the default model and its rules. Alice (member) owns P1; carol owns P2 and P3, bob (member) is a
/// member of P2 only. Tasks t01…t10 alternate between P1 (odd) and P2 (even), with estimates; c1 is alice's
/// comment on t01, c2 bob's on t02. Seeded through the store, so the seed itself is not subject to the rules.
/// </summary>
public sealed class AccessFixture : IAsyncLifetime
{
    private ApiServer? _server;

    public ApiServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

    public UserAccount Alice { get; private set; } = null!;

    public UserAccount Bob { get; private set; } = null!;

    public UserAccount Carol { get; private set; } = null!;

    public HttpClient AliceClient { get; private set; } = null!;

    public HttpClient BobClient { get; private set; } = null!;

    public HttpClient CarolClient { get; private set; } = null!;

    public HttpClient AdminClient { get; private set; } = null!;

    /// <summary>The access tokens of the signed-in users, by username, for live connections.</summary>
    public Dictionary<string, string> Tokens { get; } = new(StringComparer.Ordinal);

    public static IReadOnlyList<string> P1Tasks => ["t01", "t03", "t05", "t07", "t09"];

    public static IReadOnlyList<string> P2Tasks => ["t02", "t04", "t06", "t08", "t10"];

    public async Task InitializeAsync()
    {
        _server = await ApiServer.StartAsync(useTestSchema: false, modelSdl: AccessModel.Text);
        var admin = await Identity.LoginAsync("admin", ApiServer.AdminPassword, ClientInfo.Unknown, CancellationToken.None);
        AdminClient = Server.CreateClient(admin.AccessToken);
        (Alice, AliceClient) = await SignUpAsync("alice", ["member"]);
        (Bob, BobClient) = await SignUpAsync("bob", ["member"]);
        (Carol, CarolClient) = await SignUpAsync("carol", []);
        await SeedAsync();
    }

    public IIdentityService Identity => Server.Services.GetRequiredService<IIdentityService>();

    public IDocumentStore Store => Server.Services.GetRequiredService<IDocumentStore>();

    /// <summary>Creates a user as the bootstrap admin and returns it with a client signed in as it.</summary>
    public async Task<(UserAccount User, HttpClient Client)> SignUpAsync(string username, IReadOnlyList<string> roles)
    {
        var user = await Identity.CreateUserAsync(await AdminActorAsync(), new NewUser(username, "password-of-" + username, roles, null), ClientInfo.Unknown, CancellationToken.None);
        var tokens = await Identity.LoginAsync(username, "password-of-" + username, ClientInfo.Unknown, CancellationToken.None);
        Tokens[username] = tokens.AccessToken;
        return (user, Server.CreateClient(tokens.AccessToken));
    }

    public async Task<Actor> AdminActorAsync()
    {
        var admin = await Identity.LoginAsync("admin", ApiServer.AdminPassword, ClientInfo.Unknown, CancellationToken.None);
        return new Actor(admin.User.Id, admin.Session.Id, admin.User.Roles);
    }

    /// <summary>Posts an operation and returns the whole response body.</summary>
    public static async Task<JsonElement> PostAsync(HttpClient client, string query, object? variables = null)
    {
        var response = await GraphQLHttp.PostJsonAsync(client, new { query, variables });
        return response.Json;
    }

    /// <summary>The <c>access.denied</c> entries of the audit log, newest first, with their details parsed.</summary>
    public async Task<IReadOnlyList<JsonObject>> DenialsAsync()
    {
        var audit = Server.Services.GetRequiredService<IAuditLog>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await audit.FlushAsync(timeout.Token);
        var page = await audit.ListAsync(new AuditQuery(100, Kind: AuditKinds.AccessDenied), timeout.Token);
        return [.. page.Entries.Select(e => WithSubject(JsonNode.Parse(e.Item.Detail!)!.AsObject(), e.Item.SubjectId))];
    }

    private static JsonObject WithSubject(JsonObject detail, string? subjectId)
    {
        detail["subjectId"] = subjectId;
        return detail;
    }

    public async Task<JsonObject?> StoredAsync(string collection, string id)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var document = await Store.GetAsync(collection, id, timeout.Token);
        return document?.Data;
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    private async Task SeedAsync()
    {
        await CreateAsync("Project", "P1", new JsonObject { ["name"] = "one", ["ownerId"] = Alice.Id });
        await CreateAsync("Project", "P2", new JsonObject { ["name"] = "two", ["ownerId"] = Carol.Id, ["memberIds"] = new JsonArray(Bob.Id) });
        await CreateAsync("Project", "P3", new JsonObject { ["name"] = "three", ["ownerId"] = Carol.Id });
        for (var i = 1; i <= 10; i++)
        {
            var project = i % 2 == 1 ? "P1" : "P2";
            await CreateAsync("Task", $"t{i:00}", new JsonObject { ["projectId"] = project, ["title"] = $"task {i:00}", ["estimate"] = i * 1.5 });
        }

        await CreateAsync("Comment", "c1", new JsonObject { ["taskId"] = "t01", ["authorId"] = Alice.Id, ["body"] = "from alice" });
        await CreateAsync("Comment", "c2", new JsonObject { ["taskId"] = "t02", ["authorId"] = Bob.Id, ["body"] = "from bob" });
    }

    public async Task CreateAsync(string collection, string id, JsonObject data)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await Store.CreateAsync(collection, id, data, WriteOptions.Anonymous, timeout.Token);
    }
}
