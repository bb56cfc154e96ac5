using System.Data.Common;
using CollectionStore.Domain.Documents;

namespace CollectionStore.Authorization.Identity.Store;

/// <summary>
/// Rows of <c>cs_sessions</c> and <c>cs_refresh_tokens</c>. A session holds the SHA-256 of its current refresh
/// token; each rotation moves the old hash to <c>cs_refresh_tokens</c>, where a second presentation is recognised
/// as reuse.
/// </summary>
internal static class SessionRows
{
    private const string Columns = "id, user_id, created_at, last_refreshed_at, expires_at, revoked_at, revoked_reason, client_address";

    private const string Insert = """
        INSERT INTO cs_sessions (id, user_id, created_at, last_refreshed_at, expires_at, client_address, refresh_hash)
        VALUES (@id, @user_id, @created_at, @created_at, @expires_at, @client_address, @refresh_hash);
        """;

    private const string Rotate = """
        INSERT INTO cs_refresh_tokens (hash, session_id, used_at) VALUES (@old_hash, @id, @now);
        UPDATE cs_sessions SET refresh_hash = @new_hash, last_refreshed_at = @now, expires_at = @expires_at WHERE id = @id;
        """;

    public static Task InsertAsync(DbConnection connection, SessionInfo session, string refreshHash, CancellationToken cancellationToken) =>
        Sql.ExecuteAsync(
            connection,
            Insert,
            cancellationToken,
            ("@id", session.Id),
            ("@user_id", session.UserId),
            ("@created_at", DateTimeFormat.Format(session.CreatedAt)),
            ("@expires_at", DateTimeFormat.Format(session.ExpiresAt)),
            ("@client_address", session.ClientAddress),
            ("@refresh_hash", refreshHash));

    public static Task<SessionInfo?> FindAsync(DbConnection connection, string id, CancellationToken cancellationToken) =>
        Sql.SingleOrDefaultAsync(connection, $"SELECT {Columns} FROM cs_sessions WHERE id = @id;", Read, cancellationToken, ("@id", id));

    public static Task<SessionInfo?> FindByRefreshHashAsync(DbConnection connection, string hash, CancellationToken cancellationToken) =>
        Sql.SingleOrDefaultAsync(connection, $"SELECT {Columns} FROM cs_sessions WHERE refresh_hash = @hash;", Read, cancellationToken, ("@hash", hash));

    /// <summary>The session a refresh token belonged to before it was rotated away; null when it was never used.</summary>
    public static Task<SessionInfo?> FindByUsedRefreshHashAsync(DbConnection connection, string hash, CancellationToken cancellationToken) =>
        Sql.SingleOrDefaultAsync(
            connection,
            $"SELECT {Columns} FROM cs_sessions WHERE id = (SELECT session_id FROM cs_refresh_tokens WHERE hash = @hash);",
            Read,
            cancellationToken,
            ("@hash", hash));

    public static Task RotateAsync(
        DbConnection connection,
        string sessionId,
        string oldHash,
        string newHash,
        DateTimeOffset now,
        DateTimeOffset expiresAt,
        CancellationToken cancellationToken) =>
        Sql.ExecuteAsync(
            connection,
            Rotate,
            cancellationToken,
            ("@id", sessionId),
            ("@old_hash", oldHash),
            ("@new_hash", newHash),
            ("@now", DateTimeFormat.Format(now)),
            ("@expires_at", DateTimeFormat.Format(expiresAt)));

    /// <summary>Revokes the session unless it already was; true when this call revoked it.</summary>
    public static async Task<bool> RevokeAsync(DbConnection connection, string sessionId, DateTimeOffset now, string reason, CancellationToken cancellationToken) =>
        await Sql.ExecuteAsync(
            connection,
            "UPDATE cs_sessions SET revoked_at = @now, revoked_reason = @reason WHERE id = @id AND revoked_at IS NULL;",
            cancellationToken,
            ("@id", sessionId),
            ("@now", DateTimeFormat.Format(now)),
            ("@reason", reason)) == 1;

    /// <summary>Revokes every session of the user not yet revoked and returns their ids.</summary>
    public static Task<List<string>> RevokeAllAsync(DbConnection connection, string userId, DateTimeOffset now, string reason, CancellationToken cancellationToken) =>
        Sql.ListAsync(
            connection,
            "UPDATE cs_sessions SET revoked_at = @now, revoked_reason = @reason WHERE user_id = @user_id AND revoked_at IS NULL RETURNING id;",
            r => r.GetString(0),
            cancellationToken,
            ("@user_id", userId),
            ("@now", DateTimeFormat.Format(now)),
            ("@reason", reason));

    public static Task<List<SessionInfo>> ListActiveAsync(DbConnection connection, string userId, DateTimeOffset now, CancellationToken cancellationToken) =>
        Sql.ListAsync(
            connection,
            $"""
            SELECT {Columns} FROM cs_sessions
            WHERE user_id = @user_id AND revoked_at IS NULL AND expires_at > @now
            ORDER BY created_at DESC, id DESC;
            """,
            Read,
            cancellationToken,
            ("@user_id", userId),
            ("@now", DateTimeFormat.Format(now)));

    public static Task<bool> IsActiveAsync(DbConnection connection, string sessionId, DateTimeOffset now, CancellationToken cancellationToken) =>
        Sql.ExistsAsync(
            connection,
            """
            SELECT EXISTS (SELECT 1 FROM cs_sessions AS s JOIN cs_users AS u ON u.id = s.user_id
            WHERE s.id = @id AND s.revoked_at IS NULL AND s.expires_at > @now AND u.disabled = 0);
            """,
            cancellationToken,
            ("@id", sessionId),
            ("@now", DateTimeFormat.Format(now)));

    private static SessionInfo Read(DbDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        DateTimeFormat.Parse(reader.GetString(2)),
        DateTimeFormat.Parse(reader.GetString(3)),
        DateTimeFormat.Parse(reader.GetString(4)),
        reader.IsDBNull(5) ? null : DateTimeFormat.Parse(reader.GetString(5)),
        Sql.NullableString(reader, 6),
        Sql.NullableString(reader, 7));
}
