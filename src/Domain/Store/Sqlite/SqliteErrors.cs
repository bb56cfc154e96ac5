using Microsoft.Data.Sqlite;

namespace CollectionStore.Domain.Store.Sqlite;

/// <summary>Classifies SQLite errors by their result codes (https://www.sqlite.org/rescode.html).</summary>
internal static class SqliteErrors
{
    private const int Busy = 5;
    private const int Locked = 6;
    private const int Constraint = 19;
    private const int ConstraintPrimaryKey = 1555;
    private const int ConstraintUnique = 2067;

    public static bool IsBusy(SqliteException exception) =>
        exception.SqliteErrorCode is Busy or Locked;

    /// <summary>
    /// Maps a uniqueness failure to the model field it concerns: the primary key is <c>id</c>; a UNIQUE expression index
    /// is named <c>ux_&lt;Collection&gt;_&lt;field&gt;</c>, and SQLite names the index in its message.
    /// </summary>
    public static string? UniqueField(SqliteException exception, string collection)
    {
        if (exception.SqliteErrorCode != Constraint)
        {
            return null;
        }

        if (exception.SqliteExtendedErrorCode == ConstraintPrimaryKey)
        {
            return "id";
        }

        if (exception.SqliteExtendedErrorCode != ConstraintUnique)
        {
            return null;
        }

        var prefix = SqliteSchemaMigrator.UniqueIndexName(collection, string.Empty);
        var start = exception.Message.IndexOf("index '" + prefix, StringComparison.Ordinal);
        if (start < 0)
        {
            return exception.Message.Contains(".id", StringComparison.Ordinal) ? "id" : null;
        }

        start += "index '".Length + prefix.Length;
        var end = exception.Message.IndexOf('\'', start);
        return end < 0 ? null : exception.Message[start..end];
    }
}
