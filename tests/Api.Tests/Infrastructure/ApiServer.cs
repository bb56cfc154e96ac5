using GraphQL.Types;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CollectionStore.Api.Tests.Infrastructure;

/// <summary>
/// The real app on Kestrel at a random loopback port, with a temp SQLite file and a small valid model; the
/// GraphQL schema is <see cref="TestSchema"/> unless a test says otherwise. With the environment variable
/// <c>COLLECTIONSTORE_TEST_STORE=PostgreSql</c> every server gets a fresh database on the test process's throw-away
/// PostgreSQL cluster instead, so every API test that touches the store runs on PostgreSQL too.
/// </summary>
public sealed class ApiServer : IAsyncDisposable
{
    public const string ModelSdl = """
        type Note @collection {
          text: String!
        }
        """;

    /// <summary>The password of the bootstrap <c>admin</c> every test server starts with.</summary>
    public const string AdminPassword = "admin-password-for-tests";

    private readonly WebApplication _app;
    private readonly string _directory;

    private ApiServer(WebApplication app, string directory, Uri baseAddress)
    {
        _app = app;
        _directory = directory;
        BaseAddress = baseAddress;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>True when the test run asks for PostgreSQL (<c>COLLECTIONSTORE_TEST_STORE=PostgreSql</c>).</summary>
    public static bool UsePostgres =>
        string.Equals(Environment.GetEnvironmentVariable("COLLECTIONSTORE_TEST_STORE"), "PostgreSql", StringComparison.OrdinalIgnoreCase);

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>A client of this server that sends <c>Authorization: Bearer</c> with every request.</summary>
    public HttpClient CreateClient(string accessToken)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    public static async Task<ApiServer> StartAsync(
        IDictionary<string, string?>? settings = null,
        bool useTestSchema = true,
        string? modelSdl = null,
        Action<IServiceCollection>? configureServices = null,
        string? environment = null,
        CancellationToken cancellationToken = default)
    {
        var directory = Directory.CreateTempSubdirectory("collectionstore-api-").FullName;
        var schemaPath = Path.Combine(directory, "schema.graphql");
        await File.WriteAllTextAsync(schemaPath, TestModels.Open(modelSdl ?? ModelSdl), cancellationToken);
        var configuration = new Dictionary<string, string?>
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["ConnectionStrings:Store"] = $"Data Source={Path.Combine(directory, "store.db")}",
            ["Schema:Path"] = schemaPath,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Auth:SigningKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            ["Auth:BootstrapAdmin:Password"] = AdminPassword,
        };
        if (UsePostgres)
        {
            var server = await CollectionStore.Tests.Postgres.PostgresServer.SharedAsync();
            configuration["Store:Provider"] = "PostgreSql";
            configuration["ConnectionStrings:Store"] = await server.CreateDatabaseAsync(cancellationToken);
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        var app = await CollectionStoreApp.BuildAsync(
            environment is null ? [] : ["--environment", environment],
            builder => builder.AddInMemoryCollection(configuration),
            services =>
            {
                services.AddSingleton<SlowFieldProbe>();
                if (useTestSchema)
                {
                    services.AddSingleton<ISchema>(TestSchema.Create());
                }

                configureServices?.Invoke(services);
            },
            cancellationToken);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ApiServer(app, directory, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A SQLite file still mapped by the OS must not fail the run; the temp folder is cleaned later.
        }
    }
}
