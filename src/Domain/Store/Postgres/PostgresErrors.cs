using System.Net.Sockets;
using Npgsql;

namespace CollectionStore.Domain.Store.Postgres;

/// <summary>Classifies PostgreSQL errors by SQLSTATE (https://www.postgresql.org/docs/current/errcodes-appendix.html).</summary>
public static class PostgresErrors
{
    /// <summary>True for errors that mean the database is unreachable or went away, not that the statement was wrong.</summary>
    public static bool IsUnavailable(Exception exception) => exception switch
    {
        // 57P01-03: shutdown or restart in progress; 53300: too many connections; 08xxx: connection exceptions.
        PostgresException postgres => postgres.SqlState is "57P01" or "57P02" or "57P03" or "53300" || postgres.SqlState.StartsWith("08", StringComparison.Ordinal),
        NpgsqlException npgsql => npgsql.IsTransient || npgsql.InnerException is SocketException or IOException or TimeoutException,
        SocketException or IOException => true,
        _ => false,
    };

    /// <summary>True when a connection could not be opened at all: unreachable, wrong credentials or no such database.</summary>
    public static bool IsConnectionFailure(Exception exception) =>
        IsUnavailable(exception)
        || exception is PostgresException { SqlState: "28P01" or "28000" or "3D000" }
        || exception.InnerException is { } inner && IsConnectionFailure(inner);
}
