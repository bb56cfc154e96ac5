using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace CollectionStore.Api.Maintenance.StoreMigration;

/// <summary>
/// One column moved from SQLite to PostgreSQL: SQLite's dynamically typed value is read as the PostgreSQL column's
/// type and written to the binary COPY stream. JSON text goes to <c>jsonb</c> columns as <c>jsonb</c>; every other
/// value keeps its text or number unchanged.
/// </summary>
internal sealed class ColumnCopy
{
    private readonly Action<NpgsqlBinaryImporter, SqliteDataReader, int> _write;

    private ColumnCopy(string name, Action<NpgsqlBinaryImporter, SqliteDataReader, int> write)
    {
        Name = name;
        _write = write;
    }

    public string Name { get; }

    /// <summary>The copy of a column of <paramref name="targetType"/> (as information_schema names it), or null for a type it does not write.</summary>
    public static ColumnCopy? For(string name, string targetType) => targetType switch
    {
        "text" => new(name, static (w, r, i) => w.Write(r.GetString(i), NpgsqlDbType.Text)),
        "jsonb" => new(name, static (w, r, i) => w.Write(r.GetString(i), NpgsqlDbType.Jsonb)),
        "bigint" => new(name, static (w, r, i) => w.Write(r.GetInt64(i), NpgsqlDbType.Bigint)),
        "integer" => new(name, static (w, r, i) => w.Write(r.GetInt32(i), NpgsqlDbType.Integer)),
        "boolean" => new(name, static (w, r, i) => w.Write(r.GetBoolean(i), NpgsqlDbType.Boolean)),
        "double precision" => new(name, static (w, r, i) => w.Write(r.GetDouble(i), NpgsqlDbType.Double)),
        _ => null,
    };

    public void Write(NpgsqlBinaryImporter importer, SqliteDataReader reader, int ordinal)
    {
        if (reader.IsDBNull(ordinal))
        {
            importer.WriteNull();
        }
        else
        {
            _write(importer, reader, ordinal);
        }
    }
}
