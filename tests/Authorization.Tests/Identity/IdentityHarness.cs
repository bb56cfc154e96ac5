using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using CollectionStore.Authorization.Audit;
using CollectionStore.Authorization.Identity;
using CollectionStore.Authorization.Identity.Store;
using CollectionStore.Domain.Store;
using Microsoft.Extensions.Time.Testing;

namespace CollectionStore.Authorization.Tests.Identity;

/// <summary>
/// An identity service over an empty database of either provider (<see cref="IdentityTestDatabase"/>) with a fake
/// clock, a counting hasher and a signal recorder, plus an admin actor created through the bootstrap path.
/// </summary>
internal sealed class IdentityHarness : IAsyncDisposable
{
    public const string AdminPassword = "admin-password-1";
    public static readonly ClientInfo Client = new("10.0.0.1", "http", "https://app.example");

    private readonly IDisposable _subscription;

    private IdentityHarness(IdentityTestDatabase database, IdentityStore store, AuthOptions options, FakeTimeProvider time)
    {
        Database = database;
        Store = store;
        Options = options;
        Time = time;
        _subscription = Signals.Subscribe(Received.Enqueue);
        Service = new IdentityService(store, new TestAccessTokenIssuer(options, time), options, Signals, time, Hasher);
        AuditLog = new AuditLog(store, time);
    }

    public IdentityTestDatabase Database { get; }

    public IdentityStore Store { get; }

    public AuthOptions Options { get; }

    public FakeTimeProvider Time { get; }

    public CountingPasswordHasher Hasher { get; } = new();

    public IdentitySignals Signals { get; } = new();

    public ConcurrentQueue<IdentitySignal> Received { get; } = new();

    public IdentityService Service { get; }

    public AuditLog AuditLog { get; }

    public Actor Admin { get; private set; } = null!;

    public static async Task<IdentityHarness> CreateAsync(StoreProvider provider, Action<AuthOptions>? configure = null)
    {
        var options = new AuthOptions();
        configure?.Invoke(options);
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero));
        var database = await IdentityTestDatabase.CreateAsync(provider);
        var store = await database.OpenStoreAsync(time);
        var harness = new IdentityHarness(database, store, options, time);
        await harness.Service.EnsureBootstrapAdminAsync("admin", AdminPassword, CancellationToken.None);
        var admin = await harness.FindByNameAsync("admin");
        harness.Admin = new Actor(admin.Id, null, admin.Roles);
        return harness;
    }

    public async Task<UserAccount> CreateUserAsync(string username, string password = "user-password-1", IReadOnlyList<string>? roles = null, JsonObject? attributes = null) =>
        await Service.CreateUserAsync(Admin, new NewUser(username, password, roles ?? ["member"], attributes), Client, CancellationToken.None);

    public async Task<UserAccount> FindByNameAsync(string username)
    {
        var page = await Service.ListUsersAsync(new Actor("system", null, [Actor.AdminRole]), new UserQuery(100), CancellationToken.None);
        return page.Entries.Select(e => e.Item).Single(u => u.Username == username);
    }

    public Task<IssuedTokens> LoginAsync(string username, string password = "user-password-1", ClientInfo? client = null) =>
        Service.LoginAsync(username, password, client ?? Client, CancellationToken.None);

    public static Actor ActorOf(IssuedTokens tokens) => new(tokens.User.Id, tokens.Session.Id, tokens.User.Roles);

    /// <summary>Every audit entry, oldest first.</summary>
    public async Task<IReadOnlyList<AuditEntry>> AuditEntriesAsync()
    {
        await AuditLog.FlushAsync(CancellationToken.None);
        var page = await AuditLog.ListAsync(new AuditQuery(1000), CancellationToken.None);
        return [.. page.Entries.Select(e => e.Item).Reverse()];
    }

    public async Task<IReadOnlyList<string>> AuditKindsAsync() => [.. (await AuditEntriesAsync()).Select(e => e.Kind)];

    /// <summary>Runs raw SQL on the database, as an attacker with direct access (or a test checking storage) would.</summary>
    public Task<List<string>> RawAsync(string sql) => Database.RawAsync(sql);

    public async ValueTask DisposeAsync()
    {
        _subscription.Dispose();
        await AuditLog.DisposeAsync();
        await Store.DisposeAsync();
        await Database.DisposeAsync();
    }
}
