using CollectionStore.Api.Configuration;
using CollectionStore.Authorization.Identity;
using CollectionStore.Authorization.Identity.Store;
using CollectionStore.Authorization.Tokens;
using CollectionStore.Domain.Store;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CollectionStore.Api.Identity;

/// <summary>
/// What identity needs before the host is built: the <c>Auth</c> settings, the signing key (a Production server
/// without a key or an authority refuses to start) and the identity tables in the store's database.
/// </summary>
internal static class IdentityStartup
{
    public static AuthOptions LoadOptions(IConfiguration configuration)
    {
        var options = configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>() ?? new AuthOptions();
        var problems = new List<string>();
        if (options.AccessTokenLifetime <= TimeSpan.Zero)
        {
            problems.Add("Auth:AccessTokenLifetime must be positive");
        }

        if (options.RefreshTokenLifetime < options.AccessTokenLifetime)
        {
            problems.Add("Auth:RefreshTokenLifetime must be at least Auth:AccessTokenLifetime");
        }

        if (options.ClockSkew < TimeSpan.Zero || options.ClockSkew > TimeSpan.FromMinutes(5))
        {
            problems.Add("Auth:ClockSkew must be between 0 and 5 minutes");
        }

        if (options.LoginRateLimit.MaxFailures < 1 || options.LoginRateLimit.Window <= TimeSpan.Zero)
        {
            problems.Add("Auth:LoginRateLimit needs MaxFailures >= 1 and a positive Window");
        }

        return problems.Count == 0 ? options : throw new StartupFailedException($"Invalid configuration: {string.Join("; ", problems)}");
    }

    /// <summary>The built-in signing key, or null when an external authority issues the tokens.</summary>
    public static SigningKeys? LoadSigningKeys(AuthOptions options, IHostEnvironment environment, StoreConnection connection)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(connection);
        if (!string.IsNullOrWhiteSpace(options.Authority))
        {
            return null;
        }

        try
        {
            return SigningKeys.Load(options, environment.IsDevelopment(), DevelopmentKeyDirectory(environment, connection));
        }
        catch (AuthConfigurationException ex)
        {
            throw new StartupFailedException(ex.Message, ex);
        }
    }

    /// <summary>
    /// Opens the identity tables in the configured store: the SQLite file of <paramref name="connection"/>, or the
    /// PostgreSQL database of <paramref name="dataSource"/> (the process's one data source, shared with the document
    /// store and required for <see cref="StoreProvider.PostgreSql"/>).
    /// </summary>
    public static Task<IdentityStore> OpenStoreAsync(StoreConnection connection, NpgsqlDataSource? dataSource, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return connection.Provider switch
        {
            StoreProvider.PostgreSql => IdentityStore.OpenPostgresAsync(
                dataSource ?? throw new ArgumentNullException(nameof(dataSource), "Store:Provider=PostgreSql needs the store's NpgsqlDataSource."),
                time,
                cancellationToken),
            _ => IdentityStore.OpenSqliteAsync(connection.ConnectionString, time, cancellationToken),
        };
    }

    /// <summary>
    /// Where Development generates its signing key when none is configured: beside the SQLite file, so the nodes of
    /// one host that share the file share the key. PostgreSQL has no local file, so the key goes to the content root
    /// (the working directory unless configured otherwise); nodes on different hosts then each generate their own
    /// key and must be given one (<c>Auth:SigningKey</c> or <c>Auth:SigningKeyFile</c>) to accept each other's tokens.
    /// </summary>
    private static string? DevelopmentKeyDirectory(IHostEnvironment environment, StoreConnection connection)
    {
        if (connection.Provider == StoreProvider.PostgreSql)
        {
            return string.IsNullOrEmpty(environment.ContentRootPath) ? Directory.GetCurrentDirectory() : environment.ContentRootPath;
        }

        var dataSource = new SqliteConnectionStringBuilder(connection.ConnectionString).DataSource;
        return Path.GetDirectoryName(Path.GetFullPath(string.IsNullOrEmpty(dataSource) ? "collectionstore.db" : dataSource));
    }
}
