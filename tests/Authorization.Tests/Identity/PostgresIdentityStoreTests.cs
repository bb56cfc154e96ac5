using System.Net;
using System.Net.Sockets;
using CollectionStore.Authorization.Audit;
using CollectionStore.Authorization.Identity;
using CollectionStore.Authorization.Identity.Store;
using CollectionStore.Domain.Store;
using CollectionStore.Tests.Postgres;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace CollectionStore.Authorization.Tests.Identity;

/// <summary>
/// What only PostgreSQL has to show on top of the suites both providers run: several nodes on one database (starting
/// at once, writing one audit chain), the schema's types and collations, TRUNCATE refused, and a server that is down.
/// </summary>
public sealed class PostgresIdentityStoreTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private static readonly Actor Admin = new("admin", null, [Actor.AdminRole]);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly AuthOptions _options = new();

    [Fact]
    public async Task OpenPostgres_FourNodesAtOnceOnAFreshDatabase_AllOpenOneSchema()
    {
        await using var database = await IdentityTestDatabase.CreateAsync(StoreProvider.PostgreSql);
        var nodes = Enumerable.Range(0, 4).Select(_ => NpgsqlDataSource.Create(database.ConnectionString)).ToList();
        try
        {
            var stores = await Task.WhenAll(nodes.Select(n => Task.Run(() => IdentityStore.OpenPostgresAsync(n, _time, CancellationToken.None))))
                .WaitAsync(Deadline);
            foreach (var store in stores)
            {
                await store.DisposeAsync();
            }

            Assert.Equal(
                ["cs_audit", "cs_refresh_tokens", "cs_sessions", "cs_users"],
                await database.RawAsync("SELECT tablename FROM pg_tables WHERE tablename LIKE 'cs\\_%' ORDER BY tablename").WaitAsync(Deadline));
        }
        finally
        {
            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Write_TwoNodesAtOnce_ExtendOneValidChain()
    {
        await using var database = await IdentityTestDatabase.CreateAsync(StoreProvider.PostgreSql);
        await using var otherNode = NpgsqlDataSource.Create(database.ConnectionString);
        await using var storeA = await database.OpenStoreAsync(_time).WaitAsync(Deadline);
        await using var storeB = await IdentityStore.OpenPostgresAsync(otherNode, _time, CancellationToken.None).WaitAsync(Deadline);
        await using var auditA = new AuditLog(storeA, _time);
        await using var auditB = new AuditLog(storeB, _time);
        var serviceA = Service(storeA);
        var serviceB = Service(storeB);

        var writes = new List<Task>();
        for (var i = 0; i < 25; i++)
        {
            writes.Add(serviceA.CreateUserAsync(Admin, new NewUser($"a{i}", "user-password-1", null, null), ClientInfo.Unknown, CancellationToken.None));
            writes.Add(serviceB.CreateUserAsync(Admin, new NewUser($"b{i}", "user-password-1", null, null), ClientInfo.Unknown, CancellationToken.None));
            auditA.Record(new AuditEvent(AuditKinds.ConnectionAccepted, SubjectId: $"a{i}"));
            auditB.Record(new AuditEvent(AuditKinds.ConnectionAccepted, SubjectId: $"b{i}"));
        }

        await Task.WhenAll(writes).WaitAsync(Deadline);
        await Task.WhenAll(auditA.FlushAsync(CancellationToken.None), auditB.FlushAsync(CancellationToken.None)).WaitAsync(Deadline);

        var verification = await auditB.VerifyAsync(CancellationToken.None).WaitAsync(Deadline);
        Assert.Equal(new AuditVerification(true, 100, null, null), verification);
        Assert.Equal(["100|1|100"], await database.RawAsync("SELECT COUNT(*), MIN(sequence), MAX(sequence) FROM cs_audit").WaitAsync(Deadline));
    }

    [Fact]
    public async Task Schema_Columns_HaveTheTypesAndCollationsTheSharedStatementsNeed()
    {
        await using var harness = await IdentityHarness.CreateAsync(StoreProvider.PostgreSql).WaitAsync(Deadline);

        var bigints = await harness.RawAsync(
            "SELECT table_name || '.' || column_name FROM information_schema.columns WHERE table_name LIKE 'cs\\_%' AND data_type = 'bigint' ORDER BY 1");
        var binaryOrdered = await harness.RawAsync(
            "SELECT table_name || '.' || column_name FROM information_schema.columns WHERE table_name LIKE 'cs\\_%' AND collation_name = 'C'");

        Assert.Equal(["cs_audit.sequence", "cs_users.disabled", "cs_users.version"], bigints);
        Assert.Superset(
            new HashSet<string>(
            [
                "cs_users.id", "cs_users.username_normalized", "cs_users.created_at", "cs_sessions.id", "cs_sessions.user_id",
                "cs_sessions.created_at", "cs_sessions.expires_at", "cs_sessions.refresh_hash", "cs_refresh_tokens.hash", "cs_audit.at",
            ]),
            binaryOrdered.ToHashSet());
    }

    [Fact]
    public async Task Storage_TruncateOfTheAuditTable_IsRefused()
    {
        await using var harness = await IdentityHarness.CreateAsync(StoreProvider.PostgreSql).WaitAsync(Deadline);

        var error = await Assert.ThrowsAsync<PostgresException>(() => harness.RawAsync("TRUNCATE cs_audit")).WaitAsync(Deadline);

        Assert.Contains("append-only", error.Message, StringComparison.Ordinal);
        Assert.Equal(["1"], await harness.RawAsync("SELECT COUNT(*) FROM cs_audit"));
    }

    [Fact]
    public async Task OpenPostgres_NothingListening_ThrowsStoreUnavailable()
    {
        await using var nowhere = NpgsqlDataSource.Create(
            $"Host=127.0.0.1;Port={UnusedLoopbackPort()};Username=postgres;Password=unused;Database=postgres;Timeout=5");

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => IdentityStore.OpenPostgresAsync(nowhere, _time, CancellationToken.None))
            .WaitAsync(Deadline);

        Assert.Equal("STORE_UNAVAILABLE", error.Code);
    }

    [Fact]
    public async Task WriteAndRead_ServerStopped_ThrowStoreUnavailableAndWorkAgainOnceItIsBack()
    {
        await using var server = await PostgresServer.StartAsync().WaitAsync(TimeSpan.FromSeconds(120));
        await using var dataSource = NpgsqlDataSource.Create(await server.CreateDatabaseAsync().WaitAsync(Deadline));
        await using var store = await IdentityStore.OpenPostgresAsync(dataSource, _time, CancellationToken.None).WaitAsync(Deadline);
        var service = Service(store);
        await service.CreateUserAsync(Admin, new NewUser("alice", "user-password-1", null, null), ClientInfo.Unknown, CancellationToken.None).WaitAsync(Deadline);

        await server.StopAsync(immediate: true).WaitAsync(Deadline);
        var write = await Assert.ThrowsAsync<StoreUnavailableException>(
            () => service.CreateUserAsync(Admin, new NewUser("bob", "user-password-1", null, null), ClientInfo.Unknown, CancellationToken.None)).WaitAsync(Deadline);
        var read = await Assert.ThrowsAsync<StoreUnavailableException>(
            () => service.ListUsersAsync(Admin, new UserQuery(10), CancellationToken.None)).WaitAsync(Deadline);
        await server.StartAgainAsync().WaitAsync(TimeSpan.FromSeconds(120));

        Assert.Equal(("STORE_UNAVAILABLE", "STORE_UNAVAILABLE"), (write.Code, read.Code));
        await service.CreateUserAsync(Admin, new NewUser("bob", "user-password-1", null, null), ClientInfo.Unknown, CancellationToken.None).WaitAsync(Deadline);
        var users = await service.ListUsersAsync(Admin, new UserQuery(10), CancellationToken.None).WaitAsync(Deadline);
        Assert.Equal(["alice", "bob"], users.Entries.Select(e => e.Item.Username));
    }

    private static int UnusedLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private IdentityService Service(IdentityStore store) =>
        new(store, new TestAccessTokenIssuer(_options, _time), _options, new IdentitySignals(), _time, new CountingPasswordHasher());
}
