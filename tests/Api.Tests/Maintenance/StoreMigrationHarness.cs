using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using CollectionStore.Api.Tests.Infrastructure;
using CollectionStore.Domain.Model;
using CollectionStore.Domain.Store;
using CollectionStore.Domain.Store.Sqlite;
using CollectionStore.Tests.Postgres;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CollectionStore.Api.Tests.Maintenance;

/// <summary>
/// A SQLite store file and model in a temp directory, servers on it or on a PostgreSQL copy (same signing key, same
/// bootstrap admin), and <c>migrate-store</c> run as an operator runs it: the built dll as a process.
/// </summary>
internal sealed class StoreMigrationHarness : IDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private readonly string _signingKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private StoreMigrationHarness(string directory)
    {
        Directory = directory;
        SchemaPath = Path.Combine(directory, "schema.graphql");
        SqlitePath = Path.Combine(directory, "store.db");
    }

    public string Directory { get; }

    public string SchemaPath { get; }

    /// <summary>The source store; <see cref="ServerProcess"/> puts the store of a process in its directory at this path.</summary>
    public string SqlitePath { get; }

    public static async Task<StoreMigrationHarness> CreateAsync()
    {
        var harness = new StoreMigrationHarness(System.IO.Directory.CreateTempSubdirectory("collectionstore-migrate-").FullName);
        await File.WriteAllTextAsync(harness.SchemaPath, TestModels.Open(ApiServer.ModelSdl));
        return harness;
    }

    /// <summary>A new, empty database on the test process's PostgreSQL cluster.</summary>
    public static async Task<string> CreateTargetAsync()
    {
        var server = await PostgresServer.SharedAsync().WaitAsync(Timeout);
        using var timeout = new CancellationTokenSource(Timeout);
        return await server.CreateDatabaseAsync(timeout.Token);
    }

    public Task<ApiServer> StartSqliteAsync() => StartAsync("Sqlite", $"Data Source={SqlitePath}");

    public Task<ApiServer> StartPostgresAsync(string connectionString) => StartAsync("PostgreSql", connectionString);

    /// <summary>Runs <c>dotnet CollectionStore.Api.dll migrate-store …</c> with the source configured as a node's is.</summary>
    public Task<(int ExitCode, string Stdout, string Stderr)> MigrateAsync(params string[] arguments)
    {
        var start = ServerProcess.StartInfo(Directory, new Dictionary<string, string> { ["Schema__Path"] = SchemaPath });
        start.ArgumentList.Add("migrate-store");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return ServerProcess.RunUntilExitAsync(start);
    }

    /// <summary>
    /// Fills the source with <paramref name="count"/> notes and their change-feed rows: the first written by the SQLite
    /// document store, the others cloned from it in one SQLite transaction (the store's one transaction per write
    /// would make thousands slow to set up).
    /// </summary>
    public async Task WriteNotesDirectlyAsync(int count)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var model = ModelParser.Parse(await File.ReadAllTextAsync(SchemaPath, timeout.Token), SchemaPath);
        var connectionString = $"Data Source={SqlitePath};Pooling=False";
        string first;
        await using (var store = await SqliteDocumentStore.OpenAsync(new SqliteStoreOptions { ConnectionString = connectionString }, model, TimeProvider.System, timeout.Token))
        {
            first = (await store.CreateAsync("Note", null, new JsonObject { ["text"] = "note 1" }, new WriteOptions(Subject: "user-1"), timeout.Token)).Document.Id;
        }

        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(timeout.Token);
        await using var transaction = connection.BeginTransaction();
        await using var clone = connection.CreateCommand();
        clone.CommandText = """
            INSERT INTO "doc_Note" (id, version, created_at, updated_at, created_by, updated_by, data)
            SELECT @id, version, created_at, updated_at, created_by, updated_by, json_set(data, '$.text', @text) FROM "doc_Note" WHERE id = @first;
            INSERT INTO cs_changes (sequence, collection, doc_id, operation, version, before, after, subject, at)
            SELECT @sequence, collection, @id, operation, version, before, after, subject, at FROM cs_changes WHERE sequence = 1;
            """;
        for (var sequence = 2; sequence <= count; sequence++)
        {
            clone.Parameters.Clear();
            clone.Parameters.AddWithValue("@id", $"note-{sequence:D6}");
            clone.Parameters.AddWithValue("@text", $"note {sequence} with some text, about as long as a real one");
            clone.Parameters.AddWithValue("@first", first);
            clone.Parameters.AddWithValue("@sequence", sequence);
            await clone.ExecuteNonQueryAsync(timeout.Token);
        }

        await using var meta = connection.CreateCommand();
        meta.CommandText = "UPDATE cs_meta SET value = @count WHERE key = 'last_sequence';";
        meta.Parameters.AddWithValue("@count", count);
        await meta.ExecuteNonQueryAsync(timeout.Token);
        await transaction.CommitAsync(timeout.Token);
    }

    /// <summary>Runs one statement on the source file, with <paramref name="id"/> as <c>@id</c>.</summary>
    public async Task ExecuteOnSourceAsync(string sql, string id)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        await using var connection = new SqliteConnection($"Data Source={SqlitePath};Pooling=False");
        await connection.OpenAsync(timeout.Token);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("@id", id);
        Assert.Equal(1, await command.ExecuteNonQueryAsync(timeout.Token));
    }

    public static async Task<long> CountAsync(string connectionString, string sql)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(timeout.Token);
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(timeout.Token), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Sends an operation that must succeed and returns its <c>data</c>.</summary>
    public static async Task<JsonElement> DataAsync(HttpClient client, string query, object? variables = null)
    {
        var response = await GraphQLHttp.PostJsonAsync(client, new { query, variables });
        Assert.False(response.Json.TryGetProperty("errors", out _), response.Text);
        return response.Json.GetProperty("data");
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by the OS must not fail the run; the temp folder is cleaned later.
        }
    }

    private async Task<ApiServer> StartAsync(string provider, string connectionString)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var settings = new Dictionary<string, string?>
        {
            ["Store:Provider"] = provider,
            ["ConnectionStrings:Store"] = connectionString,
            ["Schema:Path"] = SchemaPath,
            ["Auth:SigningKey"] = _signingKey,
        };
        return await ApiServer.StartAsync(settings, useTestSchema: false, modelSdl: ApiServer.ModelSdl, cancellationToken: timeout.Token);
    }
}
