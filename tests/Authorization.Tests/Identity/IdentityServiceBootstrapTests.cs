using CollectionStore.Authorization.Audit;
using CollectionStore.Authorization.Identity;
using CollectionStore.Authorization.Identity.Store;
using CollectionStore.Domain.Store;
using Microsoft.Extensions.Time.Testing;

namespace CollectionStore.Authorization.Tests.Identity;

/// <summary>Runs against both store providers: <see cref="Sqlite"/> and <see cref="PostgreSql"/>.</summary>
public abstract class IdentityServiceBootstrapTests(StoreProvider provider) : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly AuthOptions _options = new();
    private IdentityTestDatabase _database = null!;
    private IdentityStore _store = null!;
    private IdentityService _service = null!;

    public async Task InitializeAsync()
    {
        _database = await IdentityTestDatabase.CreateAsync(provider);
        _store = await _database.OpenStoreAsync(_time);
        _service = new IdentityService(_store, new TestAccessTokenIssuer(_options, _time), _options, new IdentitySignals(), _time, new CountingPasswordHasher());
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task EnsureBootstrapAdmin_NoUsersAndNoPassword_CreatesAnAdminWithAWorkingGeneratedPassword()
    {
        var result = await _service.EnsureBootstrapAdminAsync("root", null, CancellationToken.None);

        Assert.True(result.Created);
        Assert.Equal("root", result.Username);
        Assert.NotNull(result.GeneratedPassword);
        Assert.Equal(32, result.GeneratedPassword.Length);
        var tokens = await _service.LoginAsync("root", result.GeneratedPassword, ClientInfo.Unknown, CancellationToken.None);
        Assert.Equal([Actor.AdminRole], tokens.User.Roles);
        await using var audit = new AuditLog(_store, _time);
        var entries = (await audit.ListAsync(new AuditQuery(10), CancellationToken.None)).Entries.Select(e => e.Item).ToList();
        Assert.Equal([AuditKinds.LoginSucceeded, AuditKinds.UserCreated], entries.Select(e => e.Kind));
        Assert.DoesNotContain(result.GeneratedPassword, entries[1].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnsureBootstrapAdmin_CalledTwice_CreatesTheAdminOnce()
    {
        var first = await _service.EnsureBootstrapAdminAsync("admin", null, CancellationToken.None);

        var second = await _service.EnsureBootstrapAdminAsync("admin", null, CancellationToken.None);

        Assert.True(first.Created);
        Assert.False(second.Created);
        Assert.Null(second.GeneratedPassword);
        await _service.LoginAsync("admin", first.GeneratedPassword!, ClientInfo.Unknown, CancellationToken.None);
    }

    [Fact]
    public async Task EnsureBootstrapAdmin_ConfiguredPassword_UsesItAndGeneratesNone()
    {
        var result = await _service.EnsureBootstrapAdminAsync("admin", "configured-password", CancellationToken.None);

        Assert.True(result.Created);
        Assert.Null(result.GeneratedPassword);
        var tokens = await _service.LoginAsync("admin", "configured-password", ClientInfo.Unknown, CancellationToken.None);
        Assert.True(new Actor(tokens.User.Id, null, tokens.User.Roles).IsAdmin);
    }

    [Fact]
    public async Task EnsureBootstrapAdmin_OtherUsersExist_CreatesNothing()
    {
        await _service.EnsureBootstrapAdminAsync("first", "first-password", CancellationToken.None);

        var result = await _service.EnsureBootstrapAdminAsync("admin", null, CancellationToken.None);

        Assert.False(result.Created);
        var error = await Assert.ThrowsAsync<IdentityException>(() => _service.LoginAsync("admin", "anything-at-all", ClientInfo.Unknown, CancellationToken.None));
        Assert.Equal(IdentityErrorCodes.InvalidCredentials, error.Code);
    }

    [Fact]
    public async Task EnsureBootstrapAdmin_WithThePlatformHasher_StoresASaltedSlowHashThatLogsIn()
    {
        var service = new IdentityService(_store, new TestAccessTokenIssuer(_options, _time), _options, new IdentitySignals(), _time);
        await service.EnsureBootstrapAdminAsync("admin", "configured-password", CancellationToken.None);

        var tokens = await service.LoginAsync("ADMIN", "configured-password", ClientInfo.Unknown, CancellationToken.None);

        Assert.Equal("admin", tokens.User.Username);
        var hash = Convert.FromBase64String((await _database.RawAsync("SELECT password_hash FROM cs_users")).Single());

        // Identity's v3 format: marker 0x01, then PRF, iteration count (100,000 or more) and a 16-byte salt.
        Assert.Equal(0x01, hash[0]);
        Assert.True(System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(5)) >= 100_000);
    }

    [Fact]
    public async Task EnsureBootstrapAdmin_ConfiguredPasswordTooShort_ThrowsInvalidInput()
    {
        var error = await Assert.ThrowsAsync<IdentityException>(() => _service.EnsureBootstrapAdminAsync("admin", "short", CancellationToken.None));

        Assert.Equal(IdentityErrorCodes.InvalidInput, error.Code);
    }

    public sealed class Sqlite() : IdentityServiceBootstrapTests(StoreProvider.Sqlite);

    public sealed class PostgreSql() : IdentityServiceBootstrapTests(StoreProvider.PostgreSql);
}
