using System.ComponentModel.DataAnnotations;
using CollectionStore.Domain.Model;
using CollectionStore.Domain.Store;
using CollectionStore.Domain.Store.Postgres;
using CollectionStore.Domain.Store.Sqlite;
using Npgsql;

namespace CollectionStore.Api.Configuration;

/// <summary>
/// Loads the model file and opens the store before the host is built, so a broken model or a refused
/// migration stops the server at start with a clear message.
/// </summary>
internal static class ModelStartup
{
    public const string DefaultConnectionString = "Data Source=collectionstore.db";

    public static string ResolveSchemaPath(IConfiguration configuration, string contentRoot)
    {
        var options = Bind<SchemaFileOptions>(configuration, SchemaFileOptions.SectionName);
        if (Path.IsPathRooted(options.Path))
        {
            return options.Path;
        }

        // `dotnet run` uses the project folder as content root; the build also copies the file next to the dll.
        var fromContentRoot = Path.GetFullPath(Path.Combine(contentRoot, options.Path));
        var fromBaseDirectory = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, options.Path));
        return File.Exists(fromContentRoot) || !File.Exists(fromBaseDirectory) ? fromContentRoot : fromBaseDirectory;
    }

    public static CollectionModel LoadModel(string schemaPath)
    {
        if (!File.Exists(schemaPath))
        {
            throw new ModelException(schemaPath, new SourceLocation(1, 1), "The model file does not exist.");
        }

        return ModelParser.ParseFile(schemaPath);
    }

    /// <summary>Compiles the model's <c>@allow</c>/<c>@role</c> rules; a bad reference stops the start with its location.</summary>
    public static CollectionStore.Authorization.Rules.RuleSet CompileRules(CollectionModel model, string schemaPath) =>
        CollectionStore.Authorization.Rules.RuleSet.Compile(model, schemaPath);

    /// <summary>
    /// Opens the configured store and migrates it to <paramref name="model"/>: the SQLite file, or the PostgreSQL
    /// database of <paramref name="dataSource"/> (required for <see cref="StoreProvider.PostgreSql"/>; each write
    /// notifies <paramref name="notifyChannel"/> when one is given). A refused
    /// migration or an unreachable database stops the start with one line.
    /// </summary>
    public static async Task<IDocumentStore> OpenStoreAsync(
        IConfiguration configuration,
        StoreConnection connection,
        NpgsqlDataSource? dataSource,
        string? notifyChannel,
        CollectionModel model,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var settings = Bind<StoreSettings>(configuration, StoreSettings.SectionName);
        try
        {
            if (connection.Provider == StoreProvider.PostgreSql)
            {
                var options = new PostgresStoreOptions
                {
                    DataSource = dataSource ?? throw new ArgumentNullException(nameof(dataSource)),
                    TransientRetryCount = settings.BusyRetryCount,
                    TransientRetryDelay = settings.BusyRetryDelay,
                    RetentionMaxAge = settings.RetentionMaxAge,
                    RetentionMaxCount = settings.RetentionMaxCount,
                    NotifyChannel = notifyChannel,
                };
                return await PostgresDocumentStore.OpenAsync(options, model, time, cancellationToken);
            }

            var sqlite = new SqliteStoreOptions
            {
                ConnectionString = connection.ConnectionString,
                BusyRetryCount = settings.BusyRetryCount,
                BusyRetryDelay = settings.BusyRetryDelay,
                BusyTimeout = settings.BusyTimeout,
                RetentionMaxAge = settings.RetentionMaxAge,
                RetentionMaxCount = settings.RetentionMaxCount,
            };
            return await SqliteDocumentStore.OpenAsync(sqlite, model, time, cancellationToken);
        }
        catch (InvalidOperationException ex)
        {
            throw new StartupFailedException(ex.Message, ex);
        }
        catch (Exception ex) when (connection.Provider == StoreProvider.PostgreSql && (ex is StoreUnavailableException || PostgresErrors.IsConnectionFailure(ex)))
        {
            throw new StartupFailedException(
                $"The PostgreSQL store ({StoreConnection.ConnectionStringKey}) could not be reached: {ex.GetBaseException().Message}", ex);
        }
    }

    /// <summary>The process's one PostgreSQL data source, or null for SQLite; the container disposes it at shutdown.</summary>
    public static NpgsqlDataSource? CreateDataSource(StoreConnection connection) =>
        connection.Provider == StoreProvider.PostgreSql ? CreateDataSource(connection.ConnectionString, "collectionstore") : null;

    /// <summary>A data source that names itself <paramref name="applicationName"/> to the server unless the connection string does.</summary>
    public static NpgsqlDataSource CreateDataSource(string connectionString, string applicationName)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        if (string.IsNullOrEmpty(builder.ConnectionStringBuilder.ApplicationName))
        {
            builder.ConnectionStringBuilder.ApplicationName = applicationName;
        }

        return builder.Build();
    }

    /// <summary>Binds and validates a section now, because it is needed before the host exists.</summary>
    public static T Bind<T>(IConfiguration configuration, string section)
        where T : class, new()
    {
        var options = configuration.GetSection(section).Get<T>() ?? new T();
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
        {
            var problems = string.Join("; ", results.Select(r => $"{section}:{string.Join(',', r.MemberNames)}: {r.ErrorMessage}"));
            throw new StartupFailedException($"Invalid configuration: {problems}");
        }

        return options;
    }
}
