using CollectionStore.Api.Bus.Postgres;
using CollectionStore.Api.Bus.Redis;
using CollectionStore.Api.Configuration;
using CollectionStore.Api.Demo;
using CollectionStore.Api.Execution;
using CollectionStore.Api.Health;
using CollectionStore.Api.Identity;
using CollectionStore.Api.Schema;
using CollectionStore.Api.Subscriptions;
using CollectionStore.Api.Transport.Http;
using CollectionStore.Api.Transport.HttpStreams;
using CollectionStore.Api.Transport.Multipart;
using CollectionStore.Api.Transport.Sse;
using CollectionStore.Api.Transport.WebSockets;
using CollectionStore.Domain.Store;

namespace CollectionStore.Api;

/// <summary>
/// Builds the Collection Store web application: loads the model, opens the store, registers the generated
/// schema, the executor and every transport. <c>Program</c> only runs it; tests start it on a loopback port.
/// </summary>
public static class CollectionStoreApp
{
    /// <summary>Builds the app; throws <see cref="Domain.Model.ModelException"/> when the model file is broken.</summary>
    public static Task<WebApplication> BuildAsync(
        string[] args,
        Action<IConfigurationBuilder>? configure = null,
        CancellationToken cancellationToken = default) =>
        BuildAsync(args, configure, configureServices: null, cancellationToken);

    /// <summary>As the public overload; <paramref name="configureServices"/> runs last so tests can replace services.</summary>
    internal static async Task<WebApplication> BuildAsync(
        string[] args,
        Action<IConfigurationBuilder>? configure,
        Action<IServiceCollection>? configureServices,
        CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder.Configuration);
        var schemaPath = ModelStartup.ResolveSchemaPath(builder.Configuration, builder.Environment.ContentRootPath);
        var model = ModelStartup.LoadModel(schemaPath);
        var rules = ModelStartup.CompileRules(model, schemaPath);
        var authOptions = IdentityStartup.LoadOptions(builder.Configuration);
        var connection = StoreConnection.FromConfiguration(builder.Configuration);
        var signingKeys = IdentityStartup.LoadSigningKeys(authOptions, builder.Environment, connection);
        var dataSource = ModelStartup.CreateDataSource(connection);
        var notifyChannel = PostgresNotifyChannel.For(builder.Configuration, connection);
        IDocumentStore? store = null;
        Authorization.Identity.Store.IdentityStore? identityStore = null;
        try
        {
            store = await ModelStartup.OpenStoreAsync(builder.Configuration, connection, dataSource, notifyChannel, model, TimeProvider.System, cancellationToken);
            identityStore = await IdentityStartup.OpenStoreAsync(connection, dataSource, TimeProvider.System, cancellationToken);
            RegisterServices(builder, model, connection, store, dataSource);
            builder.Services.AddPostgresChangeListener(dataSource, notifyChannel);
            builder.Services.AddCollectionStoreIdentity(authOptions, signingKeys, identityStore);
            builder.Services.AddSingleton(rules);
            builder.Services.AddSingleton<Access.AccessSubjects>();
            RedactRequestLines(builder.Logging);
            configureServices?.Invoke(builder.Services);
            var app = builder.Build();

            // Resolved first so the container disposes it last, after the stores and the audit log that use it.
            _ = app.Services.GetService<Npgsql.NpgsqlDataSource>();
            app.UseGraphQLWebSockets();
            app.MapGraphQLHttp();
            app.MapCollectionStoreHealth();
            app.MapSubscriptionMetrics();
            app.MapDemo(app.Environment, app.Configuration);
            return app;
        }
        catch
        {
            await DisposeAllAsync(identityStore, store, dataSource);
            throw;
        }
    }

    private static async Task DisposeAllAsync(params IAsyncDisposable?[] disposables)
    {
        foreach (var disposable in disposables)
        {
            if (disposable is not null)
            {
                await disposable.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// The host's own request lines include the query string, where an EventSource puts its
    /// <c>access_token</c>; they are kept below Warning so no token ever reaches a log.
    /// </summary>
    private static void RedactRequestLines(ILoggingBuilder logging) =>
        logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);

    private static void RegisterServices(
        WebApplicationBuilder builder,
        Domain.Model.CollectionModel model,
        StoreConnection connection,
        IDocumentStore store,
        Npgsql.NpgsqlDataSource? dataSource)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(model);
        services.AddSingleton(connection);

        // Registered through factories so the container owns the store and the data source and disposes them at shutdown.
        services.AddSingleton(_ => store);
        if (dataSource is not null)
        {
            services.AddSingleton(_ => dataSource);
        }

        services.AddOptions<StoreSettings>()
            .Bind(builder.Configuration.GetSection(StoreSettings.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<SchemaFileOptions>()
            .Bind(builder.Configuration.GetSection(SchemaFileOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddModelSchema();
        services.AddGraphQLExecution(builder.Configuration);
        services.AddSubscriptionEngine();
        services.AddRedisBus(builder.Configuration);
        services.AddGraphQLWebSockets();
        services.AddHttpStreams();
        services.AddSseTransport(builder.Configuration);
        services.AddGraphQLHttpTransport();
        services.AddMultipartSubscriptions(builder.Configuration);
        services.AddCollectionStoreHealthChecks();
        services.AddHostedService<Maintenance.ChangeFeedRetentionService>();
    }
}
