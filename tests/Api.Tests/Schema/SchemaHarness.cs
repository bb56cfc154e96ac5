using System.Security.Claims;
using System.Text.Json.Nodes;
using CollectionStore.Api.Schema;
using CollectionStore.Domain.Documents;
using CollectionStore.Domain.Model;
using CollectionStore.Domain.Store.Sqlite;
using GraphQL;
using GraphQL.SystemTextJson;
using GraphQL.Types;
using Microsoft.Data.Sqlite;

namespace CollectionStore.Api.Tests.Schema;

/// <summary>The generated schema over a real SQLite store in a temp file, executed without HTTP.</summary>
internal sealed class SchemaHarness : IAsyncDisposable
{
    private static readonly GraphQLSerializer Serializer = new();
    private readonly string _path;

    private SchemaHarness(string path, CollectionModel model, SqliteDocumentStore store, ISchema schema)
    {
        _path = path;
        Model = model;
        Store = store;
        Schema = schema;
    }

    public CollectionModel Model { get; }

    public SqliteDocumentStore Store { get; }

    public ISchema Schema { get; }

    public static async Task<SchemaHarness> CreateAsync(PagingOptions? paging = null)
    {
        var path = Path.Combine(Path.GetTempPath(), $"collection-store-schema-{Guid.NewGuid():N}.db");
        var model = SchemaTestModel.Load();
        using var timeout = Timeout();
        var store = await SqliteDocumentStore.OpenAsync(
            new SqliteStoreOptions { ConnectionString = $"Data Source={path}" }, model, TimeProvider.System, timeout.Token);
        return new SchemaHarness(path, model, store, ModelSchemaBuilder.Build(model, store, paging ?? new PagingOptions()));
    }

    /// <summary>Executes an operation and returns the serialized response as JSON.</summary>
    public async Task<JsonObject> ExecuteAsync(string query, string? variablesJson = null, string? subject = null)
    {
        using var timeout = Timeout();
        var result = await new DocumentExecuter().ExecuteAsync(options =>
        {
            options.Schema = Schema;
            options.Query = query;
            options.Variables = variablesJson is null ? null : Serializer.Deserialize<Inputs>(variablesJson);
            options.User = subject is null ? null : new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", subject)], "test"));
            options.CancellationToken = timeout.Token;
            options.ThrowOnUnhandledException = true;
        });
        return JsonNode.Parse(Serializer.Serialize(result))!.AsObject();
    }

    /// <summary>Executes an operation that must succeed and returns its <c>data</c>.</summary>
    public async Task<JsonObject> DataAsync(string query, string? variablesJson = null, string? subject = null)
    {
        var response = await ExecuteAsync(query, variablesJson, subject);
        Assert.False(response.ContainsKey("errors"), response.ToJsonString());
        return response["data"]!.AsObject();
    }

    /// <summary>Executes an operation that must fail and returns its first error's <c>extensions.code</c>.</summary>
    public async Task<JsonObject> ErrorAsync(string query, string? variablesJson = null)
    {
        var response = await ExecuteAsync(query, variablesJson);
        Assert.True(response.ContainsKey("errors"), response.ToJsonString());
        return response["errors"]![0]!.AsObject();
    }

    public async Task<Document> CreateAsync(string collection, JsonObject data, string? id = null)
    {
        using var timeout = Timeout();
        var result = await Store.CreateAsync(collection, id, data, Domain.Store.WriteOptions.Anonymous, timeout.Token);
        return result.Document;
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(_path + suffix);
        }
    }

    private static CancellationTokenSource Timeout() => new(TimeSpan.FromSeconds(30));
}
