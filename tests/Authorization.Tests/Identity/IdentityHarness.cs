using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using CollectionStore.Authorization.Audit;
using CollectionStore.Authorization.Identity;
using CollectionStore.Authorization.Identity.Store;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace CollectionStore.Authorization.Tests.Identity;

/// <summary>
/// An identity service over a temp SQLite file with a fake clock, a counting hasher and a signal recorder, plus an
/// admin actor created through the bootstrap path.
/// </summary>
internal sealed class IdentityHarness : IAsyncDisposable
{
    public const string AdminPassword = "admin-password-1";
    public static readonly ClientInfo Client = new("10.0.0.1", "http", "https://app.example");

    private readonly string _directory;
    private readonly IDisposable _subscription;

    private IdentityHarness(string directory, SqliteIdentityStore store, AuthOptions options, FakeTimeProvider time)
    {
        _directory = directory;
        Store = store;
        Options = options;
        Time = time;
        ConnectionString = $"Data Source={Path.Combine(directory, "store.db")}";
        _subscription = Signals.Subscribe(Received.Enqueue);
        Service = new IdentityService(store, new TestAccessTokenIssuer(options, time), options, Signals, time, Hasher);
        AuditLog = new SqliteAuditLog(store, time);
    }

    public SqliteIdentityStore Store { get; }

    public AuthOptions Options { get; }

    public FakeTimeProvider Time { get; }

    public string ConnectionString { get; }

    public CountingPasswordHasher Hasher { get; } = new();

    public IdentitySignals Signals { get; } = new();

    public ConcurrentQueue<IdentitySignal> Received { get; } = new();

    public IdentityService Service { get; }

    public SqliteAuditLog AuditLog { get; }

    public Actor Admin { get; private set; } = null!;

    public static async Task<IdentityHarness> CreateAsync(Action<AuthOptions>? configure = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "cs-identity-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var options = new AuthOptions();
        configure?.Invoke(options);
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero));
        var store = await SqliteIdentityStore.OpenAsync($"Data Source={Path.Combine(directory, "store.db")}", time, CancellationToken.None);
        var harness = new IdentityHarness(directory, store, options, time);
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

    /// <summary>Runs raw SQL on the database file, as an attacker with file access (or a test checking storage) would.</summary>
    public async Task<List<string>> RawAsync(string sql)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "NULL" : reader.GetValue(i).ToString())));
        }

        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        _subscription.Dispose();
        await AuditLog.DisposeAsync();
        await Store.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by the OS only leaves a temp directory behind.
        }
    }
}
