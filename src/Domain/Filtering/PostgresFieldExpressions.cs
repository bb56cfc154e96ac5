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
        return Value(alias is null ? "data" : alias + ".data", [field.Name], field.Type);
    }

    /// <summary>
    /// The typed value at <paramref name="path"/> below the jsonb object <paramref name="json"/>: <c>-&gt;</c> through
    /// embedded objects, <c>-&gt;&gt;</c> for the last field. For one field of a row's <c>data</c> this is exactly
    /// <see cref="Field"/>.
    /// </summary>
    internal static string Value(string json, IReadOnlyList<string> path, FieldType type) =>
        Typed($"({Json(json, path.Take(path.Count - 1))} ->> '{SqlNames.CheckName(path[^1])}')", type);

    /// <summary>The jsonb value at <paramref name="path"/> below <paramref name="json"/> (<paramref name="json"/> itself for no names).</summary>
    internal static string Json(string json, IEnumerable<string> path) =>
        path.Aggregate(json, (prefix, name) => $"{prefix} -> '{SqlNames.CheckName(name)}'");

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
