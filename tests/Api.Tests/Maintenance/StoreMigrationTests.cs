using System.Text.Json;
using CollectionStore.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace CollectionStore.Api.Tests.Maintenance;

/// <summary>
/// <c>migrate-store</c> moves a SQLite store into an empty PostgreSQL database, which then serves the same documents,
/// change feed, users, sessions and audit log; it refuses a target in use and arguments it cannot act on.
/// </summary>
public sealed class StoreMigrationTests(ITestOutputHelper output)
{
    private const string Notes = "{ notes(first: 100) { nodes { id version text createdAt updatedAt createdBy updatedBy } } }";
    private const string Refresh = "mutation($t: String!) { refreshToken(input: { refreshToken: $t }) { refreshToken } }";
    private const string VerifyAuditLog = "{ verifyAuditLog { valid entriesChecked problem } }";
    private const string AlicePassword = "alice-password-for-migration";

    [Fact]
    public async Task MigrateStore_SqliteStoreWithDocumentsFeedAndUsers_PostgresServesTheSameStore()
    {
        using var harness = await StoreMigrationHarness.CreateAsync();
        var target = await StoreMigrationHarness.CreateTargetAsync();
        SourceState source;
        await using (var sqlite = await harness.StartSqliteAsync())
        {
            source = await WriteSourceAsync(sqlite);
        }

        var run = await harness.MigrateAsync("--to", target);
        output.WriteLine(run.Stdout);
        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}: {run.Stderr}{run.Stdout}");
        Assert.Contains("row counts verified", run.Stdout);

        await using var postgres = await harness.StartPostgresAsync(target);
        Assert.Equal(source.Notes, (await StoreMigrationHarness.DataAsync(postgres.Client, Notes)).GetRawText());
        await AssertFeedContinuesAsync(postgres, source.Changes);
        await AssertIdentitiesKeptAsync(postgres, source);
    }

    [Fact]
    public async Task MigrateStore_ThousandsOfDocuments_CopiesEveryRowAndPrintsTheRate()
    {
        using var harness = await StoreMigrationHarness.CreateAsync();
        var target = await StoreMigrationHarness.CreateTargetAsync();
        await harness.WriteNotesDirectlyAsync(count: 20_000);

        var run = await harness.MigrateAsync("--to", target);

        output.WriteLine(run.Stdout);
        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}: {run.Stderr}{run.Stdout}");
        Assert.Equal(20_000, await StoreMigrationHarness.CountAsync(target, "SELECT COUNT(*) FROM \"doc_Note\""));
        Assert.Equal(20_000, await StoreMigrationHarness.CountAsync(target, "SELECT MAX(sequence) FROM cs_changes"));
        Assert.Equal(20_000, await StoreMigrationHarness.CountAsync(target, "SELECT value FROM cs_meta WHERE key = 'last_sequence'"));
    }

    [Fact]
    public async Task MigrateStore_CollectionTheModelNoLongerHas_KeepsItsDocumentsLikeSqliteDoes()
    {
        using var harness = await StoreMigrationHarness.CreateAsync();
        var target = await StoreMigrationHarness.CreateTargetAsync();
        await File.WriteAllTextAsync(harness.SchemaPath, TestModels.Open(ApiServer.ModelSdl + "\ntype Tag @collection {\n  name: String!\n}\n"));
        await using (var sqlite = await harness.StartSqliteAsync())
        {
            await CreateNoteAsync(sqlite.Client, "kept");
            await StoreMigrationHarness.DataAsync(sqlite.Client, "mutation { createTag(input: { name: \"removed later\" }) { id } }");
        }

        await File.WriteAllTextAsync(harness.SchemaPath, TestModels.Open(ApiServer.ModelSdl));
        var run = await harness.MigrateAsync("--to", target);

        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}: {run.Stderr}{run.Stdout}");
        Assert.Equal(1, await StoreMigrationHarness.CountAsync(target, "SELECT COUNT(*) FROM \"doc_Tag\" WHERE data ->> 'name' = 'removed later'"));
        Assert.Equal(2, await StoreMigrationHarness.CountAsync(target, "SELECT COUNT(*) FROM cs_collections"));
    }

    [Fact]
    public async Task MigrateStore_RowTheTargetRefuses_RollsBackEverythingAndCanRunAgain()
    {
        using var harness = await StoreMigrationHarness.CreateAsync();
        var target = await StoreMigrationHarness.CreateTargetAsync();
        string id;
        await using (var sqlite = await harness.StartSqliteAsync())
        {
            await CreateNoteAsync(sqlite.Client, "fine");
            id = await CreateNoteAsync(sqlite.Client, "broken below");
        }

        await harness.ExecuteOnSourceAsync("UPDATE \"doc_Note\" SET data = '{\"text\": ' WHERE id = @id;", id);
        var failed = await harness.MigrateAsync("--to", target);
        await harness.ExecuteOnSourceAsync("UPDATE \"doc_Note\" SET data = '{\"text\": \"repaired\"}' WHERE id = @id;", id);
        var again = await harness.MigrateAsync("--to", target);

        Assert.Equal(1, failed.ExitCode);
        Assert.Contains("rolled back", failed.Stderr);
        Assert.True(again.ExitCode == 0, $"exit {again.ExitCode}: {again.Stderr}{again.Stdout}");
        Assert.Equal(2, await StoreMigrationHarness.CountAsync(target, "SELECT COUNT(*) FROM \"doc_Note\""));
        Assert.Equal(1, await StoreMigrationHarness.CountAsync(target, "SELECT COUNT(*) FROM cs_users"));
    }

    [Fact]
    public async Task MigrateStore_TargetAlreadyInUse_RefusesWithExitCode2AndLeavesTheTargetUnchanged()
    {
        using var harness = await StoreMigrationHarness.CreateAsync();
        var target = await StoreMigrationHarness.CreateTargetAsync();
        await using (var sqlite = await harness.StartSqliteAsync())
        {
            await CreateNoteAsync(sqlite.Client, "from SQLite");
        }

        await using (var postgres = await harness.StartPostgresAsync(target))
        {
            await CreateNoteAsync(postgres.Client, "already in PostgreSQL");
        }

        var before = await TargetStateAsync(target);

        var run = await harness.MigrateAsync("--to", target);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("already holds Collection Store data", run.Stderr);
        Assert.Equal(before, await TargetStateAsync(target));
    }

    [Theory]
    [InlineData("The target is missing: --to")]
    [InlineData("--to is not a PostgreSQL connection string", "--to", "Data Source=/data/collectionstore.db")]
    [InlineData("--to is not a PostgreSQL connection string", "--to", "no connection string")]
    [InlineData("--to is not a PostgreSQL connection string", "--to=Username=cs;Password=secret")]
    [InlineData("does not exist", "--to", "Host=127.0.0.1;Username=cs;Password=secret;Database=cs", "--ConnectionStrings:Store=Data Source=/nonexistent/store.db")]
    [InlineData("must be the SQLite store", "--to", "Host=127.0.0.1;Username=cs;Password=secret;Database=cs", "--Store:Provider=PostgreSql", "--ConnectionStrings:Store=Host=127.0.0.1")]
    public async Task MigrateStore_ArgumentsItCannotActOn_RefusesWithOneLineAndExitCode2(string expected, params string[] arguments)
    {
        using var harness = await StoreMigrationHarness.CreateAsync();

        var run = await harness.MigrateAsync(arguments);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Stderr);
        Assert.Single(run.Stderr.Trim().Split('\n'));
    }

    [Fact]
    public async Task MigrateStore_ModelThatDoesNotLoad_RefusesWithExitCode2()
    {
        using var harness = await StoreMigrationHarness.CreateAsync();
        await using (var sqlite = await harness.StartSqliteAsync())
        {
            await CreateNoteAsync(sqlite.Client, "kept");
        }

        await File.WriteAllTextAsync(harness.SchemaPath, "type Broken @collection {");
        var run = await harness.MigrateAsync("--to", await StoreMigrationHarness.CreateTargetAsync());

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("The model does not load", run.Stderr);
    }

    [Fact]
    public async Task MigrateStore_UnreachableTarget_RefusesWithExitCode2()
    {
        using var harness = await StoreMigrationHarness.CreateAsync();
        await using (var sqlite = await harness.StartSqliteAsync())
        {
            await CreateNoteAsync(sqlite.Client, "kept");
        }

        var run = await harness.MigrateAsync("--to", $"Host=127.0.0.1;Port={Cluster.Infrastructure.FreePort.Next()};Username=cs;Password=secret;Database=cs;Timeout=5");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("could not be reached", run.Stderr);
    }

    private static async Task<SourceState> WriteSourceAsync(ApiServer server)
    {
        using var admin = server.CreateClient((await LoginAsync(server.Client, "admin", ApiServer.AdminPassword)).AccessToken);
        await StoreMigrationHarness.DataAsync(
            admin,
            "mutation($i: CreateUserInput!) { createUser(input: $i) { id } }",
            new { i = new { username = "alice", password = AlicePassword, roles = Array.Empty<string>() } });
        var alice = await LoginAsync(server.Client, "alice", AlicePassword);
        using var asAlice = server.CreateClient(alice.AccessToken);
        var first = await CreateNoteAsync(asAlice, "first");
        var second = await CreateNoteAsync(asAlice, "second");
        await CreateNoteAsync(server.Client, "third");
        await UpdateNoteAsync(asAlice, first, "first, edited");
        await UpdateNoteAsync(server.Client, first, "first, edited again");
        await StoreMigrationHarness.DataAsync(asAlice, "mutation($id: ID!) { deleteNote(id: $id) { id } }", new { id = second });
        var refreshed = (await StoreMigrationHarness.DataAsync(server.Client, Refresh, new { t = alice.RefreshToken }))
            .GetProperty("refreshToken").GetProperty("refreshToken").GetString()!;
        await using var feed = await NoteFeed.SubscribeAsync(server.BaseAddress, since: 0);
        var changes = await feed.ReceiveAsync(6);
        var audit = (await StoreMigrationHarness.DataAsync(admin, VerifyAuditLog)).GetProperty("verifyAuditLog");
        Assert.True(audit.GetProperty("valid").GetBoolean(), audit.GetRawText());
        var notes = (await StoreMigrationHarness.DataAsync(server.Client, Notes)).GetRawText();
        return new SourceState(notes, changes, refreshed, audit.GetProperty("entriesChecked").GetInt64());
    }

    private static async Task AssertFeedContinuesAsync(ApiServer postgres, IReadOnlyList<string> sourceChanges)
    {
        await using var feed = await NoteFeed.SubscribeAsync(postgres.BaseAddress, since: 1);
        Assert.Equal(sourceChanges.Skip(1), await feed.ReceiveAsync(sourceChanges.Count - 1));

        await CreateNoteAsync(postgres.Client, "after the move");
        var next = JsonDocument.Parse((await feed.ReceiveAsync(1))[0]).RootElement;
        Assert.Equal(sourceChanges.Count + 1, next.GetProperty("sequence").GetInt64());
        Assert.Equal("after the move", next.GetProperty("note").GetProperty("text").GetString());
    }

    private static async Task AssertIdentitiesKeptAsync(ApiServer postgres, SourceState source)
    {
        var refreshed = await StoreMigrationHarness.DataAsync(postgres.Client, Refresh, new { t = source.RefreshToken });
        Assert.False(string.IsNullOrEmpty(refreshed.GetProperty("refreshToken").GetProperty("refreshToken").GetString()));
        await LoginAsync(postgres.Client, "alice", AlicePassword);
        using var admin = postgres.CreateClient((await LoginAsync(postgres.Client, "admin", ApiServer.AdminPassword)).AccessToken);
        var audit = (await StoreMigrationHarness.DataAsync(admin, VerifyAuditLog)).GetProperty("verifyAuditLog");
        Assert.True(audit.GetProperty("valid").GetBoolean(), audit.GetRawText());
        Assert.True(audit.GetProperty("entriesChecked").GetInt64() > source.AuditEntries, audit.GetRawText());
    }

    private static async Task<(string AccessToken, string RefreshToken)> LoginAsync(HttpClient client, string username, string password)
    {
        var login = (await StoreMigrationHarness.DataAsync(
            client,
            "mutation($u: String!, $p: String!) { login(input: { username: $u, password: $p }) { accessToken refreshToken } }",
            new { u = username, p = password })).GetProperty("login");
        return (login.GetProperty("accessToken").GetString()!, login.GetProperty("refreshToken").GetString()!);
    }

    private static async Task<string> CreateNoteAsync(HttpClient client, string text) =>
        (await StoreMigrationHarness.DataAsync(client, "mutation($t: String!) { createNote(input: { text: $t }) { id } }", new { t = text }))
            .GetProperty("createNote").GetProperty("id").GetString()!;

    private static async Task UpdateNoteAsync(HttpClient client, string id, string text) =>
        await StoreMigrationHarness.DataAsync(client, "mutation($id: ID!, $t: String!) { updateNote(id: $id, input: { text: $t }) { id } }", new { id, t = text });

    private static async Task<string> TargetStateAsync(string target)
    {
        var counts = new List<long>();
        foreach (var sql in new[]
        {
            "SELECT COUNT(*) FROM \"doc_Note\"", "SELECT COUNT(*) FROM cs_changes", "SELECT value FROM cs_meta WHERE key = 'last_sequence'",
            "SELECT COUNT(*) FROM cs_users", "SELECT COUNT(*) FROM cs_sessions", "SELECT COUNT(*) FROM cs_audit",
        })
        {
            counts.Add(await StoreMigrationHarness.CountAsync(target, sql));
        }

        return string.Join(',', counts);
    }

    private sealed record SourceState(string Notes, IReadOnlyList<string> Changes, string RefreshToken, long AuditEntries);
}
