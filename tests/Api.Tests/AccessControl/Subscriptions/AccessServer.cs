using System.Text.Json.Nodes;
using CollectionStore.Api.Subscriptions;
using CollectionStore.Api.Tests.Authentication;
using CollectionStore.Api.Tests.Infrastructure;
using CollectionStore.Authorization.Identity;
using CollectionStore.Domain.Store;
using Microsoft.Extensions.DependencyInjection;

namespace CollectionStore.Api.Tests.AccessControl.Subscriptions;

/// <summary>
/// A server on <see cref="AccessModel"/> with signed-in users, writes made straight through the store in a
/// user's name (the events are what these tests are about), and role and attribute changes made by the admin.
/// </summary>
internal sealed class AccessServer : IAsyncDisposable
{
    private readonly Dictionary<string, IssuedTokens> _users = new(StringComparer.Ordinal);
    private Actor? _admin;

    private AccessServer(ApiServer server) => Server = server;

    public ApiServer Server { get; }

    public IDocumentStore Store => Server.Services.GetRequiredService<IDocumentStore>();

    public SubscriptionMetrics Metrics => Server.Services.GetRequiredService<SubscriptionMetrics>();

    public static async Task<AccessServer> StartAsync() =>
        new(await ApiServer.StartAsync(AuthenticationServer.Settings(), useTestSchema: false, modelSdl: AccessModel.Text));

    /// <summary>Creates and signs in a user; later calls with the same name return the same sign-in.</summary>
    public async Task<IssuedTokens> UserAsync(string name, IReadOnlyList<string>? roles = null, JsonObject? attributes = null)
    {
        if (!_users.TryGetValue(name, out var tokens))
        {
            var identity = Server.Services.GetRequiredService<IIdentityService>();
            await identity.CreateUserAsync(await AdminAsync(), new NewUser(name, AuthenticationServer.MemberPassword, roles ?? ["member"], attributes), ClientInfo.Unknown, CancellationToken.None);
            tokens = await identity.LoginAsync(name, AuthenticationServer.MemberPassword, ClientInfo.Unknown, CancellationToken.None);
            _users[name] = tokens;
        }

        return tokens;
    }

    public string Token(string name) => _users[name].AccessToken;

    public string Id(string name) => _users[name].User.Id;

    /// <summary>The admin changes a user's roles and/or attributes (a live change: the user stays signed in).</summary>
    public async Task ChangeUserAsync(string name, IReadOnlyList<string>? roles = null, JsonObject? attributes = null)
    {
        var identity = Server.Services.GetRequiredService<IIdentityService>();
        await identity.UpdateUserAsync(await AdminAsync(), Id(name), new UserChanges(roles, attributes, null, null), ClientInfo.Unknown, CancellationToken.None);
    }

    public async Task<string> CreateProjectAsync(string owner, string name, params string[] members)
    {
        var data = new JsonObject { ["name"] = name, ["ownerId"] = Id(owner), ["memberIds"] = new JsonArray([.. members.Select(m => (JsonNode?)Id(m))]) };
        return (await Store.CreateAsync("Project", null, data, As(owner), CancellationToken.None)).Document.Id;
    }

    public async Task<WriteResult> CreateAsync(string actor, string collection, JsonObject data) =>
        await Store.CreateAsync(collection, null, data, As(actor), CancellationToken.None);

    public async Task<WriteResult> UpdateAsync(string actor, string collection, string id, JsonObject patch) =>
        await Store.UpdateAsync(collection, id, patch, As(actor), CancellationToken.None);

    public async Task<WriteResult> DeleteAsync(string actor, string collection, string id) =>
        await Store.DeleteAsync(collection, id, As(actor), CancellationToken.None);

    /// <summary>Waits until <paramref name="count"/> subscriptions are live (their next write is delivered).</summary>
    public Task ActiveAsync(int count) => Eventually.HoldsAsync(() => Metrics.Active >= count, $"{count} active subscriptions");

    public ValueTask DisposeAsync() => Server.DisposeAsync();

    private WriteOptions As(string actor) => new(Subject: _users.TryGetValue(actor, out var tokens) ? tokens.User.Id : actor);

    private async Task<Actor> AdminAsync()
    {
        if (_admin is null)
        {
            var identity = Server.Services.GetRequiredService<IIdentityService>();
            var admin = await identity.LoginAsync("admin", ApiServer.AdminPassword, ClientInfo.Unknown, CancellationToken.None);
            _admin = new Actor(admin.User.Id, admin.Session.Id, admin.User.Roles);
        }

        return _admin;
    }
}
