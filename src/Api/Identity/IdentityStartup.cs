using CollectionStore.Api.Configuration;
using CollectionStore.Authorization.Identity;
using CollectionStore.Authorization.Identity.Store;
using CollectionStore.Authorization.Tokens;
using Microsoft.Data.Sqlite;

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
    public static SigningKeys? LoadSigningKeys(AuthOptions options, IHostEnvironment environment, string storeConnectionString)
    {
        if (!string.IsNullOrWhiteSpace(options.Authority))
        {
            return null;
        }

        var dataSource = new SqliteConnectionStringBuilder(storeConnectionString).DataSource;
        var directory = Path.GetDirectoryName(Path.GetFullPath(string.IsNullOrEmpty(dataSource) ? "collectionstore.db" : dataSource));
        try
        {
            return SigningKeys.Load(options, environment.IsDevelopment(), directory);
        }
        catch (AuthConfigurationException ex)
        {
            throw new StartupFailedException(ex.Message, ex);
        }
    }

    public static string StoreConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString("Store") is { Length: > 0 } connection ? connection : ModelStartup.DefaultConnectionString;

    public static Task<SqliteIdentityStore> OpenStoreAsync(IConfiguration configuration, TimeProvider time, CancellationToken cancellationToken) =>
        SqliteIdentityStore.OpenAsync(StoreConnectionString(configuration), time, cancellationToken);
}
