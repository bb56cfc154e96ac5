using CollectionStore.Api.Configuration;
using CollectionStore.Domain.Store;

namespace CollectionStore.Api.Bus.Postgres;

/// <summary>
/// The PostgreSQL <c>NOTIFY</c> channel that carries change positions between nodes when the store is PostgreSQL and
/// no Redis is configured: <c>&lt;Bus:ChannelPrefix&gt;_changes</c>. With Redis, Redis is the doorbell and nothing is
/// sent here. The name comes from configuration only, never from client input.
/// </summary>
internal static class PostgresNotifyChannel
{
    /// <summary>The channel to notify and listen on, or null when this deployment does not use one.</summary>
    public static string? For(IConfiguration configuration, StoreConnection connection)
    {
        if (connection.Provider != StoreProvider.PostgreSql || !string.IsNullOrWhiteSpace(configuration.GetConnectionString("Redis")))
        {
            return null;
        }

        var prefix = configuration["Bus:ChannelPrefix"] is { Length: > 0 } configured ? configured : "collectionstore";
        var name = prefix + "_changes";
        if (name.Length > 63 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or ':' or '.'))
        {
            throw new StartupFailedException(
                "Invalid configuration: Bus:ChannelPrefix must be at most 55 letters, digits, '_', '-', ':' or '.' to name a PostgreSQL channel.");
        }

        return name;
    }

    /// <summary>The channel as a quoted SQL identifier, for <c>LISTEN</c>.</summary>
    public static string Quoted(string channel) => "\"" + channel + "\"";
}
