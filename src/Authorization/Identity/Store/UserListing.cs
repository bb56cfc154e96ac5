using System.Buffers.Text;
using System.Data.Common;
using System.Text;

namespace CollectionStore.Authorization.Identity.Store;

/// <summary>
/// Pages of users ordered by normalized username (unique, so it is a complete keyset). The cursor is the opaque
/// base64url of the last username of the page.
/// </summary>
internal static class UserListing
{
    public const int MaxPageSize = 1000;

    public static async Task<Page<UserAccount>> ListAsync(DbConnection connection, IIdentityDatabase database, UserQuery query, CancellationToken cancellationToken)
    {
        var filters = new List<string>();
        var parameters = new List<(string, object?)>();
        if (!string.IsNullOrEmpty(query.UsernameContains))
        {
            filters.Add(database.UsernameContainsFilter);
            parameters.Add(("@contains", UserRows.Normalize(query.UsernameContains)));
        }

        if (query.Role is not null)
        {
            filters.Add(database.HasRoleFilter);
            parameters.Add(("@role", query.Role));
        }

        if (query.Disabled is { } disabled)
        {
            filters.Add("disabled = @disabled");
            parameters.Add(("@disabled", disabled ? 1 : 0));
        }

        var total = (long)(await Sql.ScalarAsync(connection, $"SELECT COUNT(*) FROM cs_users{Where(filters)};", cancellationToken, [.. parameters]))!;
        if (query.After is not null)
        {
            filters.Add("username_normalized > @after");
            parameters.Add(("@after", DecodeCursor(query.After)));
        }

        parameters.Add(("@limit", query.First + 1));
        var rows = await Sql.ListAsync(
            connection,
            $"SELECT {UserRows.Columns} FROM cs_users{Where(filters)} ORDER BY username_normalized LIMIT @limit;",
            UserRows.Read,
            cancellationToken,
            [.. parameters]);
        var entries = rows.Take(query.First)
            .Select(row => new PageEntry<UserAccount>(row.Account, EncodeCursor(UserRows.Normalize(row.Account.Username))))
            .ToList();
        return new Page<UserAccount>(entries, rows.Count > query.First, total);
    }

    private static string Where(List<string> filters) =>
        filters.Count == 0 ? string.Empty : " WHERE " + string.Join(" AND ", filters);

    private static string EncodeCursor(string normalizedUsername) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(normalizedUsername));

    private static string DecodeCursor(string cursor)
    {
        try
        {
            return Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
        }
        catch (FormatException)
        {
            throw new IdentityException(IdentityErrorCodes.InvalidInput, "The cursor 'after' is not valid.");
        }
    }
}
