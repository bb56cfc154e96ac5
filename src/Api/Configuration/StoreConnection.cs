using CollectionStore.Domain.Store;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CollectionStore.Api.Configuration;

/// <summary>
/// The store the configuration selects: <c>Store:Provider</c> (<c>Sqlite</c>, the default, or <c>PostgreSql</c>) and
/// <c>ConnectionStrings:Store</c> in that provider's syntax. An unknown provider, or a connection string of the
/// other provider's kind, stops the start with one line naming the key.
/// </summary>
internal sealed record StoreConnection(StoreProvider Provider, string ConnectionString)
{
    public const string ProviderKey = "Store:Provider";

    public const string ConnectionStringKey = "ConnectionStrings:Store";

    public static StoreConnection FromConfiguration(IConfiguration configuration)
    {
        var providerText = configuration[ProviderKey];
        var provider = StoreProvider.Sqlite;
        if (!string.IsNullOrWhiteSpace(providerText)
            && (!Enum.TryParse(providerText.Trim(), ignoreCase: true, out provider) || !Enum.IsDefined(provider) || int.TryParse(providerText, out _)))
        {
            throw new StartupFailedException(
                $"Invalid configuration: {ProviderKey} is '{providerText}'; use 'Sqlite' (the default) or 'PostgreSql'.");
        }

        var connectionString = configuration.GetConnectionString("Store");
        if (provider == StoreProvider.Sqlite)
        {
            connectionString = string.IsNullOrWhiteSpace(connectionString) ? ModelStartup.DefaultConnectionString : connectionString;
            return new StoreConnection(provider, CheckSqlite(connectionString));
        }

        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new StartupFailedException(
                $"Invalid configuration: {ConnectionStringKey} is empty; {ProviderKey}=PostgreSql needs 'Host=…;Username=…;Password=…;Database=…'.");
        }

        return new StoreConnection(provider, CheckPostgres(connectionString));
    }

    private static string CheckSqlite(string connectionString)
    {
        try
        {
            var builder = new SqliteConnectionStringBuilder(connectionString);
            if (string.IsNullOrWhiteSpace(builder.DataSource))
            {
                throw new ArgumentException("no Data Source");
            }

            return connectionString;
        }
        catch (ArgumentException)
        {
            throw new StartupFailedException(
                $"Invalid configuration: {ConnectionStringKey} is not an SQLite connection string ('Data Source=<file>'); "
                + $"for PostgreSQL also set {ProviderKey}=PostgreSql.");
        }
    }

    private static string CheckPostgres(string connectionString)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            if (string.IsNullOrWhiteSpace(builder.Host))
            {
                throw new ArgumentException("no Host");
            }

            return connectionString;
        }
        catch (ArgumentException)
        {
            throw new StartupFailedException(
                $"Invalid configuration: {ConnectionStringKey} is not a PostgreSQL connection string ('Host=…;Username=…;Password=…;Database=…') "
                + $"although {ProviderKey}=PostgreSql.");
        }
    }
}
