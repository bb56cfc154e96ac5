using CollectionStore.Domain.Model;

namespace CollectionStore.Domain.Filtering;

/// <summary>
/// The SQL names of the document layout: one table <c>doc_&lt;Collection&gt;</c> per collection, the system fields
/// as columns, and the user fields inside the JSON <c>data</c> column.
/// </summary>
public static class SqlNames
{
    /// <summary>The quoted table name of a collection, e.g. <c>"doc_Task"</c>.</summary>
    public static string Table(CollectionDefinition collection) => "\"doc_" + CheckName(collection.Name) + "\"";

    /// <summary>The column of a system field (<c>createdAt</c> → <c>created_at</c>).</summary>
    public static string Column(string systemField) => systemField switch
    {
        SystemFields.Id => "id",
        SystemFields.Version => "version",
        SystemFields.CreatedAt => "created_at",
        SystemFields.UpdatedAt => "updated_at",
        SystemFields.CreatedBy => "created_by",
        SystemFields.UpdatedBy => "updated_by",
        _ => throw new ArgumentException($"'{systemField}' is not a system field.", nameof(systemField)),
    };

    /// <summary>
    /// The SQL value of a field path of a row aliased <paramref name="alias"/>: a system field's column, or
    /// <c>json_extract(alias.data, '$.a.b')</c> for a user field (through embedded objects).
    /// </summary>
    public static string ValueExpression(CollectionDefinition collection, IReadOnlyList<string> path, string alias)
    {
        if (path.Count == 0)
        {
            throw new ArgumentException("A field path needs at least one field.", nameof(path));
        }

        if (path.Count == 1 && SystemFields.All.Contains(path[0]))
        {
            return alias + "." + Column(path[0]);
        }

        if (collection.FindField(path[0]) is null)
        {
            throw new ArgumentException($"{collection.Name} has no field '{path[0]}'.", nameof(path));
        }

        var jsonPath = "$";
        foreach (var segment in path)
        {
            jsonPath = JsonPath(jsonPath, segment);
        }

        return $"json_extract({alias}.data, '{jsonPath}')";
    }

    /// <summary>The SQLite JSON path of field names below an object, e.g. <c>$.label.name</c>; no names is <c>$</c>.</summary>
    internal static string JsonPath(IReadOnlyList<string> path) => path.Aggregate("$", JsonPath);

    /// <summary>Appends a field to a JSON path; names are GraphQL names, so they never need escaping.</summary>
    internal static string JsonPath(string prefix, string field) => prefix + "." + CheckName(field);

    /// <summary>Returns a GraphQL field or type name unchanged, or throws when it is not one (so it is safe inside SQL text).</summary>
    internal static string CheckName(string name)
    {
        var valid = name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_')
            && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
        return valid ? name : throw new ArgumentException($"'{name}' is not a valid field or type name.", nameof(name));
    }
}
