using CollectionStore.Api.Configuration;
using CollectionStore.Domain.Model;
using CollectionStore.Domain.Store;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CollectionStore.Api.Maintenance.StoreMigration;

/// <summary>
/// What <c>migrate-store</c> moves, validated before anything is opened: the SQLite file of the normal configuration
/// (<c>ConnectionStrings:Store</c>, which must exist), the model (<c>Schema:Path</c>, which must load) and the
/// PostgreSQL connection string of <c>--to</c>. Configuration is read exactly as the server reads it.
/// </summary>
internal sealed record StoreMigrationRequest(string SourcePath, string SourceConnectionString, string SchemaPath, CollectionModel Model, string TargetConnectionString)
{
    /// <summary>The target without its password, for the summary.</summary>
    public string TargetDisplay
    {
        get
        {
            var builder = new NpgsqlConnectionStringBuilder(TargetConnectionString);
            return $"{builder.Host}:{builder.Port}/{builder.Database ?? builder.Username}";
        }
    }

    public static StoreMigrationRequest Resolve(StoreMigrationArguments arguments)
    {
        var target = CheckTarget(arguments.Target);
        var builder = WebApplication.CreateBuilder(arguments.ConfigurationArgs);
        var (sourcePath, sourceConnectionString) = ResolveSource(builder.Configuration);
        var schemaPath = ModelStartup.ResolveSchemaPath(builder.Configuration, builder.Environment.ContentRootPath);
        CollectionModel model;
        try
        {
            model = ModelStartup.LoadModel(schemaPath);
        }
        catch (ModelException ex)
        {
            throw new StoreMigrationRefusedException($"The model does not load ({SchemaFileOptions.SectionName}:Path): {ex.Message}", ex);
        }

        return new StoreMigrationRequest(sourcePath, sourceConnectionString, schemaPath, model, target);
    }

    private static (string Path, string ConnectionString) ResolveSource(IConfiguration configuration)
    {
        StoreConnection connection;
        try
        {
            connection = StoreConnection.FromConfiguration(configuration);
        }
        catch (StartupFailedException ex)
        {
            throw new StoreMigrationRefusedException(ex.Message, ex);
        }

        if (connection.Provider != StoreProvider.Sqlite)
        {
            throw new StoreMigrationRefusedException(
                $"The source must be the SQLite store, but {StoreConnection.ProviderKey} is {connection.Provider}: "
                + $"run migrate-store with the configuration of the SQLite nodes ({StoreConnection.ConnectionStringKey}=\"Data Source=<file>\").");
        }

        var sqlite = new SqliteConnectionStringBuilder(connection.ConnectionString);
        if (sqlite.Mode == SqliteOpenMode.Memory || sqlite.DataSource == ":memory:")
        {
            throw new StoreMigrationRefusedException($"The source ({StoreConnection.ConnectionStringKey}) is an in-memory database; give the SQLite file.");
        }

        var path = Path.GetFullPath(sqlite.DataSource);
        if (!File.Exists(path))
        {
            throw new StoreMigrationRefusedException($"The source SQLite file '{path}' ({StoreConnection.ConnectionStringKey}) does not exist.");
        }

        return (path, connection.ConnectionString);
    }

    private static string CheckTarget(string target)
    {
        const string Expected = "--to is not a PostgreSQL connection string ('Host=…;Username=…;Password=…;Database=…')";
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(target);
        }
        catch (ArgumentException)
        {
            throw new StoreMigrationRefusedException($"{Expected}.");
        }

        if (string.IsNullOrWhiteSpace(builder.Host))
        {
            throw new StoreMigrationRefusedException($"{Expected}: it names no Host.");
        }

        return target;
    }
}
