using CollectionStore.Domain.Model;

namespace CollectionStore.Domain.Filtering;

/// <summary>
/// The PostgreSQL value of a top-level scalar or enum field of a document row, typed by the model: text fields
/// (String, ID, DateTime, enums) as <c>text COLLATE "C"</c> (binary order, as SQLite compares), Int as
/// <c>numeric</c>, Float as <c>float8</c>, Boolean as <c>boolean</c>. Queries and the store's expression indexes use
/// this one expression, so an <c>@index</c>/<c>@unique</c> field's comparisons and sorts can use its index.
/// </summary>
public static class PostgresFieldExpressions
{
    /// <summary>
    /// The expression for <paramref name="field"/> of the row aliased <paramref name="alias"/>; a null alias gives the
    /// unqualified form an index definition uses.
    /// </summary>
    public static string Field(string? alias, FieldDefinition field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var data = alias is null ? "data" : alias + ".data";
        return Typed($"({data} ->> '{SqlNames.JsonPath("$", field.Name)[2..]}')", field.Type);
    }

    /// <summary>Casts a text value (<c>->></c> of a JSON field) to the SQL type its declared type compares as.</summary>
    internal static string Typed(string text, FieldType type) => type.Kind == FieldKind.Enum
        ? $"({text} COLLATE \"C\")"
        : type.TypeName switch
        {
            ScalarTypes.Int => $"({text}::numeric)",
            ScalarTypes.Float => $"({text}::float8)",
            ScalarTypes.Boolean => $"({text}::boolean)",
            _ => $"({text} COLLATE \"C\")",
        };
}
