using System.Buffers.Text;
using System.Data.Common;
using System.Globalization;
using System.Text;
using CollectionStore.Authorization.Identity;
using CollectionStore.Authorization.Identity.Store;
using CollectionStore.Domain.Documents;

namespace CollectionStore.Authorization.Audit;

/// <summary>Pages of the audit log, newest first; the cursor is the opaque base64url of the last entry's sequence.</summary>
internal static class AuditListing
{
    public const int MaxPageSize = 1000;

    public static async Task<Page<AuditEntry>> ListAsync(DbConnection connection, AuditQuery query, CancellationToken cancellationToken)
    {
        var filters = new List<string>();
        var parameters = new List<(string, object?)>();
        if (query.Kind is not null)
        {
            filters.Add("kind = @kind");
            parameters.Add(("@kind", query.Kind));
        }

        if (query.SubjectId is not null)
        {
            filters.Add("subject_id = @subject_id");
            parameters.Add(("@subject_id", query.SubjectId));
        }

        if (query.Since is { } since)
        {
            filters.Add("at >= @since");
            parameters.Add(("@since", DateTimeFormat.Format(since)));
        }

        var total = (long)(await Sql.ScalarAsync(connection, $"SELECT COUNT(*) FROM cs_audit{Where(filters)};", cancellationToken, [.. parameters]))!;
        if (query.After is not null)
        {
            filters.Add("sequence < @after");
            parameters.Add(("@after", DecodeCursor(query.After)));
        }

        parameters.Add(("@limit", query.First + 1));
        var rows = await Sql.ListAsync(
            connection,
            $"SELECT {AuditRows.Columns} FROM cs_audit{Where(filters)} ORDER BY sequence DESC LIMIT @limit;",
            AuditRows.Read,
            cancellationToken,
            [.. parameters]);
        var entries = rows.Take(query.First).Select(e => new PageEntry<AuditEntry>(e, EncodeCursor(e.Sequence))).ToList();
        return new Page<AuditEntry>(entries, rows.Count > query.First, total);
    }

    private static string Where(List<string> filters) =>
        filters.Count == 0 ? string.Empty : " WHERE " + string.Join(" AND ", filters);

    private static string EncodeCursor(long sequence) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(sequence.ToString(CultureInfo.InvariantCulture)));

    private static long DecodeCursor(string cursor)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
            if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
            {
                return sequence;
            }
        }
        catch (FormatException)
        {
            // Reported below like any other unreadable cursor.
        }

        throw new IdentityException(IdentityErrorCodes.InvalidInput, "The cursor 'after' is not valid.");
    }
}
