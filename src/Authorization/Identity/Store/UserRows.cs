using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Nodes;
using CollectionStore.Domain.Documents;

namespace CollectionStore.Authorization.Identity.Store;

/// <summary>Rows of <c>cs_users</c>. Usernames are unique by their upper-invariant form.</summary>
internal static class UserRows
{
    public const string Columns = "id, username, password_hash, roles, attributes, disabled, created_at, updated_at, version";

    private const string Insert = """
        INSERT INTO cs_users (id, username, username_normalized, password_hash, roles, attributes, disabled, created_at, updated_at, version)
        VALUES (@id, @username, @normalized, @password_hash, @roles, @attributes, @disabled, @created_at, @updated_at, @version);
        """;

    private const string Update = """
        UPDATE cs_users SET password_hash = @password_hash, roles = @roles, attributes = @attributes, disabled = @disabled,
            updated_at = @updated_at, version = @version
        WHERE id = @id;
        """;

    public static string Normalize(string username) => username.ToUpperInvariant();

    public static Task<StoredUser?> FindByIdAsync(DbConnection connection, string id, CancellationToken cancellationToken) =>
        Sql.SingleOrDefaultAsync(connection, $"SELECT {Columns} FROM cs_users WHERE id = @id;", Read, cancellationToken, ("@id", id));

    public static Task<StoredUser?> FindByUsernameAsync(DbConnection connection, string username, CancellationToken cancellationToken) =>
        Sql.SingleOrDefaultAsync(
            connection,
            $"SELECT {Columns} FROM cs_users WHERE username_normalized = @normalized;",
            Read,
            cancellationToken,
            ("@normalized", Normalize(username)));

    public static Task<bool> AnyAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Sql.ExistsAsync(connection, "SELECT EXISTS (SELECT 1 FROM cs_users);", cancellationToken);

    /// <summary>
    /// Inserts the user; a taken username fails with a unique-constraint <see cref="DbException"/> that
    /// <see cref="IIdentityDatabase.IsUsernameConflict"/> recognises.
    /// </summary>
    public static Task InsertAsync(DbConnection connection, StoredUser user, CancellationToken cancellationToken)
    {
        var account = user.Account;
        return Sql.ExecuteAsync(
            connection,
            Insert,
            cancellationToken,
            ("@id", account.Id),
            ("@username", account.Username),
            ("@normalized", Normalize(account.Username)),
            ("@password_hash", user.PasswordHash),
            ("@roles", JsonSerializer.Serialize(account.Roles)),
            ("@attributes", account.Attributes.ToJsonString()),
            ("@disabled", account.Disabled ? 1 : 0),
            ("@created_at", DateTimeFormat.Format(account.CreatedAt)),
            ("@updated_at", DateTimeFormat.Format(account.UpdatedAt)),
            ("@version", account.Version));
    }

    public static Task UpdateAsync(DbConnection connection, StoredUser user, CancellationToken cancellationToken)
    {
        var account = user.Account;
        return Sql.ExecuteAsync(
            connection,
            Update,
            cancellationToken,
            ("@id", account.Id),
            ("@password_hash", user.PasswordHash),
            ("@roles", JsonSerializer.Serialize(account.Roles)),
            ("@attributes", account.Attributes.ToJsonString()),
            ("@disabled", account.Disabled ? 1 : 0),
            ("@updated_at", DateTimeFormat.Format(account.UpdatedAt)),
            ("@version", account.Version));
    }

    /// <summary>Maps a row selected with <see cref="Columns"/>.</summary>
    public static StoredUser Read(DbDataReader reader)
    {
        var account = new UserAccount(
            reader.GetString(0),
            reader.GetString(1),
            JsonSerializer.Deserialize<string[]>(reader.GetString(3)) ?? [],
            JsonNode.Parse(reader.GetString(4))?.AsObject() ?? [],
            reader.GetInt64(5) != 0,
            DateTimeFormat.Parse(reader.GetString(6)),
            DateTimeFormat.Parse(reader.GetString(7)),
            reader.GetInt64(8));
        return new StoredUser(account, reader.GetString(2));
    }
}
